using Sync.Api.Configuration;

namespace Sync.Api.Tests.Configuration;

public sealed class SyncConfigurationStoreTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("sync-config-").FullName;
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private SyncConfigurationStore Store() => new(_home, name => _environment.GetValueOrDefault(name));

    [Fact]
    public async Task Saved_configuration_loads_back_with_the_secret_in_an_owner_only_credentials_file()
    {
        var saved = new SyncConfiguration
        {
            ApiUrl = new Uri("http://127.0.0.1:9000/"),
            ApiKeyId = "key-1",
            ApiKeySecret = "s3cr3t-value",
            DefaultProjectId = "p-1",
            DefaultPreference = "economy",
            AwsRegion = "eu-west-1",
            DatabricksProfile = "dev",
        };

        Assert.True((await Store().SaveAsync(saved)).IsSuccess);
        var loaded = await Store().LoadAsync();

        Assert.Equal(saved, loaded.Value);
        Assert.DoesNotContain("s3cr3t-value", await File.ReadAllTextAsync(Path.Combine(_home, "config.json")));
        Assert.Contains("s3cr3t-value", await File.ReadAllTextAsync(Path.Combine(_home, "credentials.json")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_home, "credentials.json")));
        }

        Assert.Equal(["config.json", "credentials.json"], Directory.GetFiles(_home).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Saving_over_a_world_readable_credentials_file_makes_it_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_home, "credentials.json");
        await File.WriteAllTextAsync(path, "{}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead | UnixFileMode.GroupRead);

        Assert.True((await Store().SaveAsync(new SyncConfiguration { ApiKeyId = "k", ApiKeySecret = "s" })).IsSuccess);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Flags_win_over_environment_which_wins_over_files()
    {
        await Store().SaveAsync(new SyncConfiguration { ApiKeyId = "from-file", DefaultProjectId = "file-project", AwsRegion = "file-region", DefaultPreference = "economy" });
        _environment[SyncEnvironmentVariables.ApiKeyId] = "from-env";
        _environment[SyncEnvironmentVariables.AwsRegion] = "env-region";
        _environment[SyncEnvironmentVariables.ApiUrl] = "http://localhost:7000";

        var loaded = (await Store().LoadAsync(new SyncConfiguration { AwsRegion = "flag-region" })).Value;

        Assert.Equal("from-env", loaded.ApiKeyId);
        Assert.Equal("flag-region", loaded.AwsRegion);
        Assert.Equal("file-project", loaded.DefaultProjectId);
        Assert.Equal("economy", loaded.DefaultPreference);
        Assert.Equal(new Uri("http://localhost:7000"), loaded.ApiUrl);
        Assert.False(loaded.IsEmbedded);
    }

    [Fact]
    public async Task No_files_and_no_environment_is_the_embedded_default()
    {
        var loaded = (await Store().LoadAsync()).Value;

        Assert.True(loaded.IsEmbedded);
        Assert.Null(loaded.ApiKeyId);
    }

    [Fact]
    public async Task Api_url_embedded_in_the_environment_overrides_a_configured_server()
    {
        await Store().SaveAsync(new SyncConfiguration { ApiUrl = new Uri("http://127.0.0.1:9000") });
        _environment[SyncEnvironmentVariables.ApiUrl] = "embedded";

        Assert.True((await Store().LoadAsync()).Value.IsEmbedded);
    }

    [Fact]
    public async Task Malformed_credentials_file_is_an_invalid_input_error_without_its_content()
    {
        await File.WriteAllTextAsync(Path.Combine(_home, "credentials.json"), "{\"api_key_secret\": \"leaky-secret\" oops");

        var loaded = await Store().LoadAsync();

        Assert.Equal(SyncErrorKind.InvalidInput, loaded.Error!.Kind);
        Assert.Contains("credentials.json", loaded.Error.Message);
        Assert.DoesNotContain("leaky-secret", loaded.Error.ToString());
    }

    [Theory]
    [InlineData(SyncEnvironmentVariables.ApiUrl, "ftp://example")]
    [InlineData(SyncEnvironmentVariables.Preference, "fastest")]
    public async Task Bad_environment_values_are_invalid_input_naming_the_variable(string variable, string value)
    {
        _environment[variable] = value;

        var loaded = await Store().LoadAsync();

        Assert.Equal(SyncErrorKind.InvalidInput, loaded.Error!.Kind);
        Assert.Contains(variable, loaded.Error.Message);
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var configuration = new SyncConfiguration { ApiKeyId = "id-1", ApiKeySecret = "hidden-secret" };

        Assert.DoesNotContain("hidden-secret", configuration.ToString());
        Assert.Contains("id-1", configuration.ToString());
    }

    [Fact]
    public void Sync_home_selects_the_directory()
    {
        Assert.Equal("/x/y", SyncConfigurationStore.DefaultDirectory(name => name == "SYNC_HOME" ? "/x/y" : null));
        Assert.EndsWith(".sync", SyncConfigurationStore.DefaultDirectory(_ => null));
    }
}
