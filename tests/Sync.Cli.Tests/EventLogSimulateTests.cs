using System.Text.Json;

namespace Sync.Cli.Tests;

/// <summary><c>sync-cli eventlog simulate</c> and <c>accuracy</c> run as real processes.</summary>
public class EventLogSimulateTests
{
    private const string Sample = "samples/eventlogs/application_1538416563558_0014";

    [Fact]
    public async Task SimulatePrintsOnePredictionPerExecutorCountNeverSlowerWithMore()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", "1,2,4", "--output", "json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var predictions = json.RootElement.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 4], predictions.Select(p => p.GetProperty("executors").GetInt32()));
        var times = predictions.Select(p => p.GetProperty("wallTimeMs").GetInt64()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(82_758, json.RootElement.GetProperty("observed").GetProperty("wallTimeMs").GetInt64());
    }

    [Theory]
    [InlineData("0,2")]
    [InlineData("two")]
    [InlineData("")]
    public async Task SimulateRejectsBadExecutorLists(string list)
    {
        var (exit, _, _) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", list);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task AccuracyWithAMissingManifestIsABadInputError()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "accuracy", "--manifest", "no/such/manifest.json");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error:", stderr);
    }
}
