using System.Text.Json;

namespace Sync.Cli.Tests.Configuration;

/// <summary><c>sync-cli configure</c> run non-interactively as a real process on a temporary SYNC_HOME.</summary>
public sealed class ConfigureCommandTests : IDisposable
{
    private readonly SyncHomeCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Writes_settings_and_an_owner_only_credentials_file_without_echoing_the_secret()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync(
            "top-secret-value\n",
            "configure", "--api-url", "http://127.0.0.1:9/", "--api-key-id", "key-7", "--api-key-secret-stdin", "--preference", "economy", "--aws-region", "eu-west-1");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("top-secret-value", stdout + stderr);
        Assert.Contains("(set)", stdout);
        var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_cli.Home, "config.json"))).RootElement;
        Assert.Equal("http://127.0.0.1:9/", config.GetProperty("api_url").GetString());
        Assert.Equal("economy", config.GetProperty("default_preference").GetString());
        Assert.Equal("eu-west-1", config.GetProperty("aws_region").GetString());
        var credentialsPath = Path.Combine(_cli.Home, "credentials.json");
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(credentialsPath)).RootElement;
        Assert.Equal("key-7", credentials.GetProperty("api_key_id").GetString());
        Assert.Equal("top-secret-value", credentials.GetProperty("api_key_secret").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentialsPath));
        }
    }

    [Fact]
    public async Task A_second_run_keeps_values_it_is_not_given_and_embedded_clears_the_url()
    {
        await _cli.RunAsync("s\n", "configure", "--api-url", "http://127.0.0.1:9", "--api-key-id", "k", "--api-key-secret-stdin", "--project-id", "p-1");

        var (exit, stdout, stderr) = await _cli.RunAsync(null, "configure", "--embedded", "--aws-profile", "dev", "-o", "json");

        Assert.True(exit == 0, stderr);
        var values = JsonDocument.Parse(stdout).RootElement.GetProperty("configuration");
        Assert.Equal("embedded", values.GetProperty("api_url").GetString());
        Assert.Equal("p-1", values.GetProperty("default_project_id").GetString());
        Assert.Equal("dev", values.GetProperty("aws_profile").GetString());
        Assert.Equal("(set)", values.GetProperty("api_key_secret").GetString());
        Assert.False(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_cli.Home, "config.json"))).RootElement.TryGetProperty("api_url", out _));
    }

    [Theory]
    [InlineData("--preference", "fastest")]
    [InlineData("--api-url", "ftp://host")]
    public async Task Bad_values_exit_with_bad_input_and_write_nothing(string option, string value)
    {
        var (exit, _, _) = await _cli.RunAsync(null, "configure", option, value);

        Assert.NotEqual(0, exit);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "config.json")));
    }
}
