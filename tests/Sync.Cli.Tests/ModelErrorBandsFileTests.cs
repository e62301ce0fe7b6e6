using System.Text.Json;

namespace Sync.Cli.Tests;

/// <summary>Bands a user measured on their own ground truth, written to the Sync directory, widen every prediction's interval.</summary>
public sealed class ModelErrorBandsFileTests : IDisposable
{
    private const string EventLog = "samples/eventlogs/databricks-9.1-m5.4xlarge.zip";
    private const string Report = "samples/reports/databricks-m5-4xlarge-4-workers.json";

    // ln(measured / predicted) between −1 and +1 at every distance: intervals at least prediction × e^−1 … × e.
    private const string WideBands =
        """{"description":"wide","measured":"2026-11-26","command":"test","groundTruth":"none","lowQuantile":0.1,"highQuantile":0.9,"sameSlots":{"low":-1,"high":1},"fewerSlots":[{"upToDoublings":null,"low":-1,"high":1}],"moreSlots":[{"upToDoublings":null,"low":-1,"high":1}]}""";

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("sync-bands-");

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    public async Task SimulateAndPredictionsUseTheBandsInTheSyncDirectory()
    {
        var simulateBefore = await CliProcess.RunInHomeAsync(_home.FullName, "eventlog", "simulate", EventLog, "--executors", "2", "--output", "json");
        var createBefore = await CliProcess.RunInHomeAsync(_home.FullName, "predictions", "create", "--event-log", EventLog, "--report", Report, "--output", "json");
        await File.WriteAllTextAsync(Path.Combine(_home.FullName, "model-error-bands.json"), WideBands);
        var simulateAfter = await CliProcess.RunInHomeAsync(_home.FullName, "eventlog", "simulate", EventLog, "--executors", "2", "--output", "json");
        var createAfter = await CliProcess.RunInHomeAsync(_home.FullName, "predictions", "create", "--event-log", EventLog, "--report", Report, "--output", "json");

        foreach (var run in new[] { simulateBefore, createBefore, simulateAfter, createAfter })
        {
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var (wall, before) = Simulated(simulateBefore.Out);
        var (sameWall, after) = Simulated(simulateAfter.Out);
        Assert.Equal(wall, sameWall);
        Assert.True(before.P10 > wall * Math.Exp(-1) && before.P90 < wall * Math.E, $"built-in bands: {before}");
        Assert.True(after.P10 <= wall * Math.Exp(-1) + 1 && after.P90 >= wall * Math.E - 1, $"wide bands: {after}");

        var (predicted, interval) = Balanced(createAfter.Out);
        Assert.Equal(Balanced(createBefore.Out).Predicted, predicted);
        Assert.True(interval.P10 <= predicted * Math.Exp(-1) + 1 && interval.P90 >= predicted * Math.E - 1, $"wide bands: {interval}");
    }

    [Fact]
    public async Task ABandsFileThatCannotBeReadIsReportedWithHowToRecover()
    {
        await File.WriteAllTextAsync(Path.Combine(_home.FullName, "model-error-bands.json"), "[1, 2]");

        var (exit, _, error) = await CliProcess.RunInHomeAsync(_home.FullName, "eventlog", "simulate", EventLog, "--executors", "2");

        Assert.NotEqual(0, exit);
        Assert.Contains("model-error-bands.json", error);
        Assert.Contains("delete", error);
    }

    private static (long Wall, (long P10, long P90) Interval) Simulated(string json)
    {
        using var document = JsonDocument.Parse(json);
        var prediction = document.RootElement.GetProperty("predictions")[0];
        var interval = prediction.GetProperty("wallTimeIntervalMs");
        return (prediction.GetProperty("wallTimeMs").GetInt64(), (interval.GetProperty("p10").GetInt64(), interval.GetProperty("p90").GetInt64()));
    }

    private static (long Predicted, (long P10, long P90) Interval) Balanced(string json)
    {
        using var document = JsonDocument.Parse(json);
        var balanced = document.RootElement.GetProperty("balanced");
        var interval = balanced.GetProperty("runtimeIntervalMs");
        return (balanced.GetProperty("predictedRuntimeMs").GetInt64(), (interval.GetProperty("p10").GetInt64(), interval.GetProperty("p90").GetInt64()));
    }
}
