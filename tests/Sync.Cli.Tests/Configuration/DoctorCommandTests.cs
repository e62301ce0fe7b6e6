using System.Text.Json;

namespace Sync.Cli.Tests.Configuration;

/// <summary><c>sync-cli doctor</c> as a real process on a temporary SYNC_HOME.</summary>
public sealed class DoctorCommandTests : IDisposable
{
    private readonly SyncHomeCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<(int Exit, Dictionary<string, JsonElement> Lines)> DoctorAsync()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync(null, "doctor", "-o", "json");
        var lines = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .GroupBy(line => line.GetProperty("check").GetString()!)
            .ToDictionary(g => g.Key, g => g.Last().Clone());
        Assert.True(stderr.Length == 0, stderr);
        return (exit, lines);
    }

    [Fact]
    public async Task Fresh_embedded_setup_is_all_ok()
    {
        var (exit, lines) = await DoctorAsync();

        Assert.Equal(0, exit);
        Assert.All(lines.Values, line => Assert.Equal("OK", line.GetProperty("status").GetString()));
        Assert.Contains("config", lines.Keys);
        Assert.Contains("Embedded", lines["api"].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Credentials_readable_by_others_fail_with_the_chmod_fix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(_cli.Home, "credentials.json");
        await File.WriteAllTextAsync(path, "{\"api_key_id\":\"k\",\"api_key_secret\":\"very-secret\"}");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (exit, lines) = await DoctorAsync();

        Assert.Equal(1, exit);
        Assert.Equal("FAIL", lines["credentials"].GetProperty("status").GetString());
        Assert.Equal($"Run: chmod 600 {path}", lines["credentials"].GetProperty("fix").GetString());
    }

    [Fact]
    public async Task Unreachable_server_fails_with_how_to_fix_it()
    {
        _cli.Environment["SYNC_API_URL"] = "http://127.0.0.1:9";
        _cli.Environment["SYNC_API_KEY_ID"] = "k";
        _cli.Environment["SYNC_API_KEY_SECRET"] = "never-printed-secret";

        var (exit, stdout, _) = await _cli.RunAsync(null, "doctor");

        Assert.Equal(1, exit);
        Assert.Matches(@"FAIL\s+api\s+Cannot reach http://127.0.0.1:9/", stdout);
        Assert.Contains("fix:", stdout);
        Assert.DoesNotContain("never-printed-secret", stdout);
    }

    [Fact]
    public async Task Malformed_config_fails_the_config_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "config.json"), "{ not json");

        var (exit, lines) = await DoctorAsync();

        Assert.Equal(1, exit);
        Assert.Equal("FAIL", lines["config"].GetProperty("status").GetString());
        Assert.Contains("config.json", lines["config"].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Configured_aws_profile_that_does_not_exist_is_a_warning_naming_it()
    {
        _cli.Environment["AWS_PROFILE"] = "analytics";

        var (exit, lines) = await DoctorAsync();

        Assert.Equal(0, exit);
        Assert.Equal("WARN", lines["aws-creds"].GetProperty("status").GetString());
        Assert.Contains("analytics", lines["aws-creds"].GetProperty("message").GetString());
    }
}
