using System.Text.Json;

namespace Sync.Api.Configuration;

/// <summary>
/// Reads and writes the <see cref="SyncConfiguration"/> of the user's Sync directory: <c>config.json</c> for settings
/// and <c>credentials.json</c> (owner-only, mode 0600 on Unix) for the API key, both written atomically; applies
/// <see cref="SyncEnvironmentVariables"/> over them and caller-given values (command-line flags) over those.
/// </summary>
public class SyncConfigurationStore
{
    /// <summary>The name of the settings file in <see cref="Directory"/>.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The name of the credentials file in <see cref="Directory"/>.</summary>
    public const string CredentialsFileName = "credentials.json";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Func<string, string?> _environment;

    /// <summary>Creates a store over <paramref name="directory"/>.</summary>
    /// <param name="directory">The user's Sync directory.</param>
    /// <param name="environment">Reads an environment variable; the process environment when <see langword="null"/>.</param>
    public SyncConfigurationStore(string directory, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <summary>For mocking.</summary>
    protected SyncConfigurationStore()
    {
        Directory = string.Empty;
        _environment = Environment.GetEnvironmentVariable;
    }

    /// <summary>The user's Sync directory.</summary>
    public string Directory { get; }

    /// <summary>The full path of <c>config.json</c>.</summary>
    public string ConfigFilePath => Path.Combine(Directory, ConfigFileName);

    /// <summary>The full path of <c>credentials.json</c>.</summary>
    public string CredentialsFilePath => Path.Combine(Directory, CredentialsFileName);

    /// <summary>The store of the user's Sync directory: <c>$SYNC_HOME</c>, else <c>~/.sync</c>.</summary>
    /// <returns>The store.</returns>
    public static SyncConfigurationStore ForCurrentUser() => new(DefaultDirectory(Environment.GetEnvironmentVariable));

    /// <summary>The user's Sync directory as <paramref name="environment"/> gives it: <c>$SYNC_HOME</c>, else <c>~/.sync</c>.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The directory path.</returns>
    public static string DefaultDirectory(Func<string, string?> environment)
    {
        return Sync.Engine.SyncDirectory.Resolve(environment);
    }

    /// <summary>
    /// The effective configuration: the files, then the environment variables over them, then
    /// <paramref name="overrides"/> (command-line flags) over those.
    /// </summary>
    /// <param name="overrides">Values that win over everything else, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The configuration, or an <see cref="SyncErrorKind.InvalidInput"/> error naming the bad file or variable.</returns>
    public virtual async Task<Response<SyncConfiguration>> LoadAsync(SyncConfiguration? overrides = null, CancellationToken cancellationToken = default)
    {
        var files = await LoadFilesAsync(cancellationToken).ConfigureAwait(false);
        if (!files.IsSuccess)
        {
            return files;
        }

        var environment = FromEnvironment();
        if (!environment.IsSuccess)
        {
            return environment;
        }

        var merged = files.Value.OverlaidWith(environment.Value).OverlaidWith(overrides);
        if (IsEmbeddedRequested())
        {
            merged = merged with { ApiUrl = overrides?.ApiUrl };
        }

        var invalid = Validate(merged, "the command line");
        return invalid is null ? Response.FromValue(merged) : Response.FromError<SyncConfiguration>(invalid);
    }

    /// <summary>The configuration the two files hold, without environment variables; empty when there are no files.</summary>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The configuration, or an <see cref="SyncErrorKind.InvalidInput"/> error when a file is malformed or unreadable.</returns>
    public virtual async Task<Response<SyncConfiguration>> LoadFilesAsync(CancellationToken cancellationToken = default)
    {
        var config = await ReadAsync<ConfigFile>(ConfigFilePath, cancellationToken).ConfigureAwait(false);
        if (!config.IsSuccess)
        {
            return config.AsFailure<SyncConfiguration>();
        }

        var credentials = await ReadAsync<CredentialsFile>(CredentialsFilePath, cancellationToken).ConfigureAwait(false);
        if (!credentials.IsSuccess)
        {
            return credentials.AsFailure<SyncConfiguration>();
        }

        var c = config.Value ?? new ConfigFile();
        var k = credentials.Value ?? new CredentialsFile();
        if (!TryParseApiUrl(c.ApiUrl, out var url))
        {
            return Response.FromError<SyncConfiguration>(BadUrl($"\"api_url\" in {ConfigFilePath}"));
        }

        var fromFiles = new SyncConfiguration
        {
            ApiUrl = url,
            ApiKeyId = k.ApiKeyId,
            ApiKeySecret = k.ApiKeySecret,
            DefaultProjectId = c.DefaultProjectId,
            DefaultPreference = c.DefaultPreference,
            AwsRegion = c.AwsRegion,
            AwsProfile = c.AwsProfile,
            DatabricksHost = c.DatabricksHost,
            DatabricksProfile = c.DatabricksProfile,
        };
        var invalid = Validate(fromFiles, ConfigFilePath);
        return invalid is null ? Response.FromValue(fromFiles) : Response.FromError<SyncConfiguration>(invalid);
    }

    /// <summary>
    /// Writes <paramref name="configuration"/>: settings to <c>config.json</c>, the API key to <c>credentials.json</c>
    /// with owner-only permissions; each through a temporary file renamed over the old one, so a reader never sees half a file.
    /// </summary>
    /// <param name="configuration">What to write; <see langword="null"/> values are left out.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <returns>Success, or an <see cref="SyncErrorKind.InvalidInput"/> error for a bad value or a directory that cannot be written.</returns>
    public virtual async Task<Response> SaveAsync(SyncConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var invalid = Validate(configuration, "the configuration to save");
        if (invalid is not null)
        {
            return Response.Failure(invalid);
        }

        var config = new ConfigFile
        {
            ApiUrl = configuration.ApiUrl?.ToString(),
            DefaultProjectId = configuration.DefaultProjectId,
            DefaultPreference = configuration.DefaultPreference,
            AwsRegion = configuration.AwsRegion,
            AwsProfile = configuration.AwsProfile,
            DatabricksHost = configuration.DatabricksHost,
            DatabricksProfile = configuration.DatabricksProfile,
        };
        var credentials = new CredentialsFile { ApiKeyId = configuration.ApiKeyId, ApiKeySecret = configuration.ApiKeySecret };
        try
        {
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            await AtomicFile.WriteAsync(ConfigFilePath, JsonSerializer.SerializeToUtf8Bytes(config, WriteOptions), ownerOnly: false, cancellationToken).ConfigureAwait(false);
            await AtomicFile.WriteAsync(CredentialsFilePath, JsonSerializer.SerializeToUtf8Bytes(credentials, WriteOptions), ownerOnly: true, cancellationToken).ConfigureAwait(false);
            return Response.Success();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Response.Failure(new SyncError(
                SyncErrorKind.InvalidInput,
                $"Cannot write the configuration to {Directory}: {e.Message}",
                $"Check that {Directory} is writable, or set {SyncEnvironmentVariables.Home} to another directory."));
        }
    }

    private Response<SyncConfiguration> FromEnvironment()
    {
        string? Get(string name) => _environment(name) is { Length: > 0 } value ? value : null;
        var rawUrl = Get(SyncEnvironmentVariables.ApiUrl);
        Uri? url = null;
        if (rawUrl is not null && !string.Equals(rawUrl, "embedded", StringComparison.OrdinalIgnoreCase) && !TryParseApiUrl(rawUrl, out url))
        {
            return Response.FromError<SyncConfiguration>(BadUrl($"the environment variable {SyncEnvironmentVariables.ApiUrl}"));
        }

        var fromEnvironment = new SyncConfiguration
        {
            ApiUrl = url,
            ApiKeyId = Get(SyncEnvironmentVariables.ApiKeyId),
            ApiKeySecret = Get(SyncEnvironmentVariables.ApiKeySecret),
            DefaultProjectId = Get(SyncEnvironmentVariables.ProjectId),
            DefaultPreference = Get(SyncEnvironmentVariables.Preference),
            AwsRegion = Get(SyncEnvironmentVariables.AwsRegion),
            AwsProfile = Get(SyncEnvironmentVariables.AwsProfile),
            DatabricksHost = Get(SyncEnvironmentVariables.DatabricksHost),
            DatabricksProfile = Get(SyncEnvironmentVariables.DatabricksProfile),
        };
        var invalid = Validate(fromEnvironment, $"the environment variable {SyncEnvironmentVariables.Preference}");
        return invalid is null ? Response.FromValue(fromEnvironment) : Response.FromError<SyncConfiguration>(invalid);
    }

    private bool IsEmbeddedRequested() =>
        string.Equals(_environment(SyncEnvironmentVariables.ApiUrl), "embedded", StringComparison.OrdinalIgnoreCase);

    private static bool TryParseApiUrl(string? text, out Uri? url)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text, "embedded", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        return false;
    }

    private static SyncError BadUrl(string where) => new(
        SyncErrorKind.InvalidInput,
        $"The API URL in {where} is not an absolute http:// or https:// URL.",
        "Give the server's base URL, such as http://127.0.0.1:8080, or \"embedded\" for the in-process backend.");

    private static SyncError? Validate(SyncConfiguration configuration, string where)
    {
        if (configuration.DefaultPreference is { } preference && !SyncConfiguration.Preferences.Contains(preference))
        {
            return new SyncError(
                SyncErrorKind.InvalidInput,
                $"The default preference \"{preference}\" in {where} is not one of {string.Join(", ", SyncConfiguration.Preferences)}.",
                "Run 'sync-cli configure --preference balanced' (or performance, economy).");
        }

        return null;
    }

    private static async Task<Response<T?>> ReadAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            return Response.FromValue<T?>(null);
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return Response.FromValue(await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            // The JSON reader's message names the position only, never the content: safe for the credentials file too.
            return Response.FromError<T?>(new SyncError(
                SyncErrorKind.InvalidInput,
                $"{path} is not valid JSON (line {e.LineNumber + 1}).",
                "Fix or delete the file and run 'sync-cli configure' again."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Response.FromError<T?>(new SyncError(
                SyncErrorKind.InvalidInput,
                $"Cannot read {path}: {e.Message}",
                "Check the file's owner and permissions."));
        }
    }
}
