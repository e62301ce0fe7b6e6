namespace Sync.Clients.Databricks;

/// <summary>
/// Finds the workspace host and token the way Databricks' unified authentication does for personal access tokens:
/// explicit settings first, then <c>DATABRICKS_HOST</c>/<c>DATABRICKS_TOKEN</c>, then a profile of the configuration
/// file (<c>--profile</c> / <c>DATABRICKS_CONFIG_PROFILE</c>, else <c>DEFAULT</c>) at <c>DATABRICKS_CONFIG_FILE</c> or
/// <c>~/.databrickscfg</c>. Each of host and token is taken from the first place that has it; a profile named
/// explicitly must exist.
/// </summary>
internal static class DatabricksCredentialResolver
{
    public const string DefaultProfile = "DEFAULT";

    public static DatabricksCredentials Resolve(DatabricksAuthSettings settings) =>
        Resolve(settings, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public static DatabricksCredentials Resolve(DatabricksAuthSettings settings, Func<string, string?> environment, string homeDirectory)
    {
        string? Env(string name) => environment(name) is { Length: > 0 } v ? v : null;

        var profileName = settings.Profile ?? Env("DATABRICKS_CONFIG_PROFILE");
        var host = settings.Host;
        var token = settings.Token;
        var hostSource = host is null ? null : "options";
        var tokenSource = token is null ? null : "options";

        // A profile named explicitly wins over the environment, as in the Databricks CLI.
        if (profileName is null)
        {
            if (host is null && Env("DATABRICKS_HOST") is { } envHost)
            {
                (host, hostSource) = (envHost, "DATABRICKS_HOST");
            }

            if (token is null && Env("DATABRICKS_TOKEN") is { } envToken)
            {
                (token, tokenSource) = (envToken, "DATABRICKS_TOKEN");
            }
        }

        if (host is null || token is null)
        {
            var path = settings.ConfigFile ?? Env("DATABRICKS_CONFIG_FILE") ?? System.IO.Path.Combine(homeDirectory, ".databrickscfg");
            var name = profileName ?? DefaultProfile;
            if (File.Exists(path))
            {
                var file = DatabricksConfigFile.Load(path);
                var profile = file.Profile(name);
                if (profile is null && profileName is not null)
                {
                    throw new DatabricksConfigurationException(
                        $"Profile '{name}' is not in {path} (profiles there: {string.Join(", ", file.ProfileNames.DefaultIfEmpty("none"))}).");
                }

                if (profile is not null)
                {
                    if (host is null && profile.GetValueOrDefault("host") is { Length: > 0 } fileHost)
                    {
                        (host, hostSource) = (fileHost, $"profile '{name}' in {path}");
                    }

                    if (token is null && profile.GetValueOrDefault("token") is { Length: > 0 } fileToken)
                    {
                        (token, tokenSource) = (fileToken, $"profile '{name}' in {path}");
                    }
                }
            }
            else if (profileName is not null || settings.ConfigFile is not null)
            {
                throw new DatabricksConfigurationException($"The Databricks configuration file {path} does not exist (profile '{name}' was asked for).");
            }
        }

        if (host is null)
        {
            throw new DatabricksConfigurationException(
                "No Databricks workspace host: set DATABRICKS_HOST, pass a host, or add 'host' to a profile in ~/.databrickscfg.");
        }

        if (token is null)
        {
            throw new DatabricksConfigurationException(
                "No Databricks token: set DATABRICKS_TOKEN, pass a token, or add 'token' to a profile in ~/.databrickscfg.");
        }

        return new DatabricksCredentials(NormalizeHost(host, hostSource!), token, tokenSource == hostSource ? tokenSource! : $"{tokenSource}; host from {hostSource}");
    }

    public static Uri NormalizeHost(string host, string source)
    {
        var text = host.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new DatabricksConfigurationException($"The Databricks host '{host}' from {source} is not an http(s) URL.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
