namespace Sync.Cli.Tests;

/// <summary>Usage errors — a mistyped option, an unknown command, a failed validation — are bad input: exit 2, error and hint on standard error.</summary>
public class UsageErrorTests
{
    [Theory]
    [InlineData("Unknown option 'bogus'", "eventlog", "summarize", "samples/eventlogs/application_1538416563558_0014", "--bogus")]
    [InlineData("Unknown command 'nosuch'", "predictions", "nosuch")]
    [InlineData("give a prediction ID, or both --event-log and --report", "predictions", "report", "--html", "x.html")]
    public async Task UsageErrorIsBadInputWithAHint(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(args);

        Assert.True(exit == 2, $"exit {exit}: {stdout}{stderr}");
        Assert.Equal("", stdout);
        Assert.Contains($"error: {expected}", stderr, StringComparison.Ordinal);
        Assert.Contains("hint: ", stderr, StringComparison.Ordinal);
    }
}
