using Sync.Clients.Databricks;

namespace Sync.Clients.Tests.Databricks;

public sealed class CredentialResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("sync-dbx-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private void WriteConfig(string text, string? path = null) => File.WriteAllText(path ?? Path.Combine(_home, ".databrickscfg"), text);

    private const string TwoProfiles = """
        # comment
        [DEFAULT]
        host = https://dbc-default.cloud.databricks.com
        token = dapi-default-token

        [staging]
        host = dbc-staging.cloud.databricks.com/
        token = dapi-staging-token
        """;

    [Fact]
    public void Environment_variables_are_used_when_nothing_is_explicit()
    {
        WriteConfig(TwoProfiles);
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(),
            Env(("DATABRICKS_HOST", "https://env.cloud.databricks.com"), ("DATABRICKS_TOKEN", "dapi-env")), _home);

        Assert.Equal("https://env.cloud.databricks.com/", credentials.Host.ToString());
        Assert.Equal("dapi-env", credentials.Token);
        Assert.Equal("DATABRICKS_TOKEN; host from DATABRICKS_HOST", credentials.Source);
    }

    [Fact]
    public void The_default_profile_is_read_when_the_environment_has_nothing()
    {
        WriteConfig(TwoProfiles);
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(), Env(), _home);

        Assert.Equal("https://dbc-default.cloud.databricks.com/", credentials.Host.ToString());
        Assert.Equal("dapi-default-token", credentials.Token);
        Assert.Contains("profile 'DEFAULT'", credentials.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_profile_wins_over_the_environment_and_its_host_gets_a_scheme()
    {
        WriteConfig(TwoProfiles);
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(Profile: "staging"),
            Env(("DATABRICKS_HOST", "https://env.cloud.databricks.com"), ("DATABRICKS_TOKEN", "dapi-env")), _home);

        Assert.Equal("https://dbc-staging.cloud.databricks.com/", credentials.Host.ToString());
        Assert.Equal("dapi-staging-token", credentials.Token);
    }

    [Fact]
    public void The_profile_can_come_from_DATABRICKS_CONFIG_PROFILE_and_the_file_from_DATABRICKS_CONFIG_FILE()
    {
        var path = Path.Combine(_home, "elsewhere.cfg");
        WriteConfig(TwoProfiles, path);
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(),
            Env(("DATABRICKS_CONFIG_FILE", path), ("DATABRICKS_CONFIG_PROFILE", "staging")), "/nonexistent-home");

        Assert.Equal("dapi-staging-token", credentials.Token);
    }

    [Fact]
    public void Explicit_settings_override_environment_and_profile()
    {
        WriteConfig(TwoProfiles);
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(Host: "http://127.0.0.1:5000", Token: "dapi-explicit"),
            Env(("DATABRICKS_HOST", "https://env.cloud.databricks.com"), ("DATABRICKS_TOKEN", "dapi-env")), _home);

        Assert.Equal("http://127.0.0.1:5000/", credentials.Host.ToString());
        Assert.Equal("dapi-explicit", credentials.Token);
        Assert.Equal("options", credentials.Source);
    }

    [Fact]
    public void An_explicit_host_takes_the_token_from_the_environment()
    {
        var credentials = DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(Host: "https://explicit.cloud.databricks.com"),
            Env(("DATABRICKS_HOST", "https://env.cloud.databricks.com"), ("DATABRICKS_TOKEN", "dapi-env")), _home);

        Assert.Equal("https://explicit.cloud.databricks.com/", credentials.Host.ToString());
        Assert.Equal("dapi-env", credentials.Token);
    }

    [Fact]
    public void A_missing_profile_names_the_profiles_that_exist()
    {
        WriteConfig(TwoProfiles);
        var e = Assert.Throws<DatabricksConfigurationException>(() =>
            DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(Profile: "prod"), Env(), _home));

        Assert.Contains("Profile 'prod'", e.Message, StringComparison.Ordinal);
        Assert.Contains("DEFAULT, staging", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dapi-", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_token_anywhere_says_where_to_put_one()
    {
        var e = Assert.Throws<DatabricksConfigurationException>(() =>
            DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(), Env(("DATABRICKS_HOST", "https://env.cloud.databricks.com")), _home));

        Assert.Contains("DATABRICKS_TOKEN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_config_line_is_reported_by_number_without_its_content()
    {
        WriteConfig("[DEFAULT]\nhost = https://x.cloud.databricks.com\ndapi-secret-on-a-line-without-equals\n");
        var e = Assert.Throws<DatabricksConfigurationException>(() =>
            DatabricksCredentialResolver.Resolve(new DatabricksAuthSettings(), Env(), _home));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dapi-secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_and_settings_never_print_the_token()
    {
        var credentials = new DatabricksCredentials(new Uri("https://x.cloud.databricks.com/"), "dapi-very-secret", "options");
        var settings = new DatabricksAuthSettings("https://x", "dapi-very-secret");

        Assert.DoesNotContain("dapi-very-secret", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dapi-very-secret", settings.ToString(), StringComparison.Ordinal);
    }
}
