using Sync.Engine.Summaries;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Summaries;

public class ApplicationSummarizerTests
{
    [Fact]
    public async Task DriverOnlyTimeIsWallTimeMinusTheUnionOfTaskIntervals()
    {
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 2, addedMs: 0)
            .Stage(0, 900, 3_100, (1_000, 2_000), (1_500, 3_000))
            .Stage(1, 4_900, 6_100, (5_000, 6_000))
            .ReadAsync();

        var s = ApplicationSummarizer.Summarize(app);

        Assert.Equal(10_000, s.Time.WallTimeMs);
        Assert.Equal(3_000, s.Time.TaskActiveTimeMs); // [1000,3000] ∪ [5000,6000]
        Assert.Equal(7_000, s.Time.DriverOnlyTimeMs);
        Assert.Equal(3_500, s.Tasks.TaskTimeMs);
    }

    [Fact]
    public async Task CoreUtilisationIsBusyCoreTimeOverAliveCoreTimeWithTaskCpus()
    {
        var app = await new SyntheticLog(endMs: 10_000, new Dictionary<string, string> { ["spark.task.cpus"] = "2" })
            .Executor("1", cores: 4, addedMs: 0)
            .Executor("2", cores: 4, addedMs: 5_000, removedMs: 7_500)
            .Stage(0, 0, 9_000, (1_000, 3_000), (2_000, 4_000))
            .ReadAsync();

        var s = ApplicationSummarizer.Summarize(app);

        Assert.Equal(4 * 10_000 + 4 * 2_500, s.Executors.AvailableCoreMs);
        Assert.Equal(2 * 4_000, s.Tasks.BusyCoreMs);
        Assert.Equal(Math.Round(8_000.0 / 50_000, 4), s.Tasks.CoreUtilisation);
        Assert.Equal(2, s.Executors.MaxConcurrent);
        Assert.Equal(8, s.Executors.MaxCores);
        Assert.Equal([new ExecutorTimelinePoint(SyntheticLog.Epoch, 1, 4), new ExecutorTimelinePoint(SyntheticLog.Epoch + 5_000, 2, 8), new ExecutorTimelinePoint(SyntheticLog.Epoch + 7_500, 1, 4), new ExecutorTimelinePoint(SyntheticLog.Epoch + 10_000, 0, 0)], s.Executors.Timeline);
        Assert.Equal([new CountByReason("gone", 1)], s.Executors.Removed);
    }

    [Fact]
    public async Task TopStagesAreTheLongestWithMaxOverMedianSkew()
    {
        var app = await new SyntheticLog(endMs: 20_000)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 0, 1_000, (0, 100), (0, 100), (0, 100))
            .Stage(1, 1_000, 12_000, (1_000, 1_100), (1_000, 1_100), (1_000, 1_200), (1_000, 11_000))
            .ReadAsync();

        var s = ApplicationSummarizer.Summarize(app, topStages: 1);

        var top = Assert.Single(s.TopStages);
        Assert.Equal(1, top.StageId);
        Assert.Equal(11_000, top.DurationMs);
        Assert.Equal(4, top.Tasks);
        Assert.Equal(200, top.MedianTaskMs); // upper median of 100, 100, 200, 10000
        Assert.Equal(10_000, top.MaxTaskMs);
        Assert.Equal(50, top.Skew);
        Assert.Equal(0 + 1 + 2 + 3, top.SpilledBytes);
    }

    [Fact]
    public async Task ATaskEndLineBrokenMidwayLeavesNoHalfTaskBehind()
    {
        var lines = SampleLog.Lines.ToList();
        var taskEnd = lines.FindIndex(l => l.Contains("SparkListenerTaskEnd"));
        // Valid up to the metrics, then a value that is not JSON: the parser has already filled half a record.
        lines[taskEnd] = lines[taskEnd].Replace("\"Executor Run Time\":", "\"Executor Run Time\":x");
        using var source = Sync.Engine.EventLogs.Sources.EventLogSource.FromStream(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SampleLog.Join(lines))), "broken");

        var app = await Sync.Engine.EventLogs.EventLogReader.ReadAsync(source);
        var s = ApplicationSummarizer.Summarize(app);

        Assert.Equal(SampleLog.TaskCount - 1, app.Tasks.Count);
        Assert.Equal(SampleLog.TaskCount - 1, s.Tasks.Count);
        Assert.Equal(1, app.ReadReport.MalformedLineCount);
        Assert.Equal(taskEnd + 1, app.ReadReport.MalformedLines[0].LineNumber);
    }

    [Theory]
    [InlineData("Container marked as failed: container_1_01_000002 on host: h1. Exit status: 1", "Container marked as failed")]
    [InlineData("Executor killed by driver.", "Executor killed by driver.")]
    [InlineData(null, "(no reason given)")]
    public void RemovalReasonsGroupByTheirTextBeforeTheFirstColon(string? reason, string kind) =>
        Assert.Equal(kind, ExecutorTimeline.ReasonKind(reason));

    [Fact]
    public async Task GcShareIsGcOverRunTime()
    {
        var app = await new SyntheticLog(endMs: 5_000).Executor("1", 1, 0).Stage(0, 0, 4_000, (0, 1_000), (1_000, 3_000)).ReadAsync();

        var s = ApplicationSummarizer.Summarize(app);

        Assert.Equal(300, s.Tasks.GcTimeMs);
        Assert.Equal(0.1, s.Tasks.GcShare);
    }

    [Fact]
    public async Task JsonFormRoundTripsAndUsesCamelCase()
    {
        var app = await Sync.Engine.EventLogs.EventLogReader.ReadAsync(SampleLog.PlainPath);
        var summary = ApplicationSummarizer.Summarize(app);

        var json = ApplicationSummaryJson.Serialize(summary);

        Assert.Contains("\"schemaVersion\": 1", json);
        Assert.Contains("\"driverOnlyTimeMs\"", json);
        var back = ApplicationSummaryJson.Deserialize(json)!;
        Assert.Equal(summary.Tasks, back.Tasks with { FailureReasons = summary.Tasks.FailureReasons });
        Assert.Equal(summary.Time, back.Time);
        Assert.Equal(SampleLog.TaskCount, back.Tasks.Count);
    }
}
