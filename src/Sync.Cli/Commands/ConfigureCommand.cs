using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Configuration;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli configure</c>: writes the user's configuration (API URL or embedded, API key, defaults, AWS and
/// Databricks profiles) to the Sync directory, the key in the owner-only credentials file. Asks for each value when
/// run at a terminal without options; otherwise takes the options and keeps the values it is not given.
/// </summary>
public sealed class ConfigureCommand(IAnsiConsole console) : AsyncCommand<ConfigureCommand.Settings>
{
    /// <summary>Options; each one left out keeps the value already configured.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The Sync server's URL, or <c>embedded</c>.</summary>
        [CommandOption("--api-url <URL>")]
        [Description("The Sync server's base URL (http:// or https://), or 'embedded' for the in-process backend.")]
        public string? ApiUrl { get; init; }

        /// <summary>Use the embedded backend.</summary>
        [CommandOption("--embedded")]
        [Description("Use the embedded backend (no server): the same as --api-url embedded.")]
        public bool Embedded { get; init; }

        /// <summary>The API key id.</summary>
        [CommandOption("--api-key-id <ID>")]
        [Description("The API key id (from 'sync-cli serve --create-key' or your Sync administrator).")]
        public string? ApiKeyId { get; init; }

        /// <summary>Read the API key secret from the first line of standard input.</summary>
        [CommandOption("--api-key-secret-stdin")]
        [Description("Read the API key secret from the first line of standard input (keeps it out of the shell history and the process list).")]
        public bool ApiKeySecretFromStdin { get; init; }

        /// <summary>The default project id.</summary>
        [CommandOption("--project-id <ID>")]
        [Description("The project used when a command is given none.")]
        public string? ProjectId { get; init; }

        /// <summary>The default preference.</summary>
        [CommandOption("--preference <PREFERENCE>")]
        [Description("The default solution: performance, balanced or economy.")]
        public string? Preference { get; init; }

        /// <summary>The AWS region.</summary>
        [CommandOption("--aws-region <REGION>")]
        [Description("The AWS region for EMR and S3 (otherwise the AWS SDK's chain decides).")]
        public string? AwsRegion { get; init; }

        /// <summary>The AWS profile.</summary>
        [CommandOption("--aws-profile <PROFILE>")]
        [Description("A profile of the shared AWS config and credentials files.")]
        public string? AwsProfile { get; init; }

        /// <summary>The Databricks workspace URL.</summary>
        [CommandOption("--databricks-host <URL>")]
        [Description("The Databricks workspace URL.")]
        public string? DatabricksHost { get; init; }

        /// <summary>The Databricks profile.</summary>
        [CommandOption("--databricks-profile <PROFILE>")]
        [Description("A profile of ~/.databrickscfg.")]
        public string? DatabricksProfile { get; init; }

        /// <summary>Whether any value option was given.</summary>
        public bool HasValues => ApiUrl is not null || Embedded || ApiKeyId is not null || ApiKeySecretFromStdin || ProjectId is not null
            || Preference is not null || AwsRegion is not null || AwsProfile is not null || DatabricksHost is not null || DatabricksProfile is not null;

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Embedded && ApiUrl is not null && !string.Equals(ApiUrl, "embedded", StringComparison.OrdinalIgnoreCase))
            {
                return ValidationResult.Error("--embedded and --api-url contradict each other; give one");
            }

            if (ApiUrl is not null && !string.Equals(ApiUrl, "embedded", StringComparison.OrdinalIgnoreCase) && !IsHttpUrl(ApiUrl))
            {
                return ValidationResult.Error($"--api-url '{ApiUrl}' is not an http:// or https:// URL (or 'embedded')");
            }

            return Preference is not null && !SyncConfiguration.Preferences.Contains(Preference)
                ? ValidationResult.Error($"--preference '{Preference}' is not one of {string.Join(", ", SyncConfiguration.Preferences)}")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = SyncConfigurationStore.ForCurrentUser();
        var current = await store.LoadFilesAsync(cancellationToken);
        if (!current.IsSuccess)
        {
            return Errors.Report(current.Error!.Message, current.Error.Hint);
        }

        SyncConfiguration updated;
        if (!settings.HasValues && !Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            updated = Ask(current.Value);
        }
        else
        {
            var secret = settings.ApiKeySecretFromStdin ? (await Console.In.ReadLineAsync(cancellationToken))?.Trim() : null;
            if (settings.ApiKeySecretFromStdin && string.IsNullOrEmpty(secret))
            {
                return Errors.Report("--api-key-secret-stdin was given but standard input had no secret.", "Pipe the secret in: printf '%s\\n' \"$SECRET\" | sync-cli configure --api-key-secret-stdin");
            }

            updated = Apply(current.Value, settings, secret);
        }

        var saved = await store.SaveAsync(updated, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Errors.Report(saved.Error!.Message, saved.Error.Hint);
        }

        Print(store, updated, settings.Output);
        return ExitCodes.Success;
    }

    private static SyncConfiguration Apply(SyncConfiguration current, Settings settings, string? secret)
    {
        var embedded = settings.Embedded || string.Equals(settings.ApiUrl, "embedded", StringComparison.OrdinalIgnoreCase);
        var merged = current.OverlaidWith(new SyncConfiguration
        {
            ApiKeyId = settings.ApiKeyId,
            ApiKeySecret = secret,
            DefaultProjectId = settings.ProjectId,
            DefaultPreference = settings.Preference,
            AwsRegion = settings.AwsRegion,
            AwsProfile = settings.AwsProfile,
            DatabricksHost = settings.DatabricksHost,
            DatabricksProfile = settings.DatabricksProfile,
        });
        return embedded ? merged with { ApiUrl = null } : settings.ApiUrl is null ? merged : merged with { ApiUrl = new Uri(settings.ApiUrl) };
    }

    private SyncConfiguration Ask(SyncConfiguration current)
    {
        console.MarkupLine("Configure Sync. Press Enter to keep the value in brackets; the secret is never shown.");
        var url = Text("API URL ('embedded' for no server)", current.ApiUrl?.ToString() ?? "embedded", value =>
            string.Equals(value, "embedded", StringComparison.OrdinalIgnoreCase) || IsHttpUrl(value));
        var embedded = string.Equals(url, "embedded", StringComparison.OrdinalIgnoreCase);
        var keyId = current.ApiKeyId;
        var secret = current.ApiKeySecret;
        if (!embedded)
        {
            keyId = Text("API key id", current.ApiKeyId ?? "", _ => true);
            var prompt = new TextPrompt<string>(current.ApiKeySecret is null ? "API key secret:" : "API key secret [grey](Enter keeps the current one)[/]:").Secret().AllowEmpty();
            var typed = console.Prompt(prompt);
            secret = typed.Length == 0 ? current.ApiKeySecret : typed;
        }

        var preference = console.Prompt(new SelectionPrompt<string>()
            .Title("Default preference")
            .AddChoices(SyncConfiguration.Preferences.OrderBy(p => p == (current.DefaultPreference ?? "balanced") ? 0 : 1)));
        return current with
        {
            ApiUrl = embedded ? null : new Uri(url),
            ApiKeyId = Empty(keyId),
            ApiKeySecret = Empty(secret),
            DefaultPreference = preference,
            DefaultProjectId = Empty(Text("Default project id (optional)", current.DefaultProjectId ?? "", _ => true)),
            AwsRegion = Empty(Text("AWS region (optional)", current.AwsRegion ?? "", _ => true)),
            AwsProfile = Empty(Text("AWS profile (optional)", current.AwsProfile ?? "", _ => true)),
            DatabricksHost = Empty(Text("Databricks host (optional)", current.DatabricksHost ?? "", _ => true)),
            DatabricksProfile = Empty(Text("Databricks profile (optional)", current.DatabricksProfile ?? "", _ => true)),
        };
    }

    private string Text(string label, string current, Func<string, bool> valid)
    {
        var prompt = new TextPrompt<string>(label + ":").AllowEmpty().DefaultValue(current).ShowDefaultValue(current.Length > 0)
            .Validate(value => value.Length == 0 || valid(value) ? ValidationResult.Success() : ValidationResult.Error("[red]Not a valid value[/]"));
        return console.Prompt(prompt).Trim();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private void Print(SyncConfigurationStore store, SyncConfiguration configuration, OutputFormat output)
    {
        var values = new (string Name, string? Value)[]
        {
            ("api_url", configuration.ApiUrl?.ToString() ?? "embedded"),
            ("api_key_id", configuration.ApiKeyId),
            ("api_key_secret", configuration.ApiKeySecret is null ? null : "(set)"),
            ("default_project_id", configuration.DefaultProjectId),
            ("default_preference", configuration.DefaultPreference),
            ("aws_region", configuration.AwsRegion),
            ("aws_profile", configuration.AwsProfile),
            ("databricks_host", configuration.DatabricksHost),
            ("databricks_profile", configuration.DatabricksProfile),
        };
        if (output == OutputFormat.Json)
        {
            var document = new Dictionary<string, object?>
            {
                ["config_file"] = store.ConfigFilePath,
                ["credentials_file"] = store.CredentialsFilePath,
                ["configuration"] = values.ToDictionary(v => v.Name, v => v.Value),
            };
            console.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        var table = new Table().AddColumn("setting").AddColumn("value");
        foreach (var (name, value) in values)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Wrote {store.ConfigFilePath} and {store.CredentialsFilePath} (owner-only).");
    }
}
