using Sync.Engine.Applications;
using Sync.Engine.EventLogs;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.EventLogs;

/// <summary>
/// Every real file under <c>../shared/data/eventlogs</c> either parses, with its counts equal to an independent text
/// count of its events, or fails with the documented <see cref="EventLogFormatException"/>.
/// </summary>
[Collection("Archives")]
public class RealEventLogTests
{
    /// <summary>Files that are not complete event logs, and the documented error each gets.</summary>
    private static readonly Dictionary<string, string> ExpectedFailures = new(StringComparer.Ordinal)
    {
        // Markers of the Spark 1.2 directory format: empty files.
        ["apache-spark/spark-events-legacy-dirformat/local-1422981780767/APPLICATION_COMPLETE"] = "holds no Spark events",
        ["apache-spark/spark-events-legacy-dirformat/local-1422981780767/SPARK_VERSION_1.2.0"] = "holds no Spark events",
        ["spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964/appstatus_local-1623876083964"] = "holds no Spark events",
        // A driver's log4j output, not an event log.
        ["spark-rapids-tools/spark-events-profiling/driverlog"] = "Not a Spark event log",
        // Later parts of a rolling / rotated log: read the folder instead (tested below).
        ["spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964/events_2_local-1623876083964.zstd"] = "no SparkListenerApplicationStart",
        ["spark-rapids-tools/spark-events-qualification/db_sim_eventlog/eventlog"] = "no SparkListenerApplicationStart",
        // A deliberately broken log of the RAPIDS tools' tests: events without their application start.
        ["spark-rapids-tools/user_tools-e2e-event_logs/incorrect_app_status_eventlog.zstd"] = "no SparkListenerApplicationStart",
        // Sync's synthetic rollover sets: metadata-only parts.
        ["synccomputingcode-spark_log_parser/tests/logs/bad/duplicate-part.tgz"] = "no SparkListenerApplicationStart",
        ["synccomputingcode-spark_log_parser/tests/logs/bad/missing-dbc-event.zip"] = "no SparkListenerApplicationStart",
        ["synccomputingcode-spark_log_parser/tests/logs/bad/missing-first-part.zip"] = "no SparkListenerApplicationStart",
        ["synccomputingcode-spark_log_parser/tests/logs/bad/missing-part.zip"] = "no SparkListenerApplicationStart",
        ["synccomputingcode-spark_log_parser/tests/logs/bad/non-unique-context-id.zip"] = "no SparkListenerApplicationStart",
    };

    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.SharedEventLogs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestPaths.SharedEventLogs, file));
        }

        return data;
    }

    [Fact]
    public void TheSharedDataSetHasTheFilesItsProvenanceDescribes() => Assert.True(((IEnumerable<object[]>)AllFiles()).Count() >= 100, "expected the ~110 event-log files of ../shared/data/eventlogs");

    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task EveryFileParsesWithIndependentCountsOrFailsAsDocumented(string relative)
    {
        var path = TestPaths.SharedLog(relative);
        if (ExpectedFailures.TryGetValue(relative, out var expected))
        {
            var error = await Assert.ThrowsAsync<EventLogFormatException>(() => EventLogReader.ReadAsync(path));
            Assert.Contains(expected, error.Message);
            return;
        }

        var app = await EventLogReader.ReadAsync(path);
        if (relative.EndsWith(".zip", StringComparison.Ordinal) || relative.EndsWith(".tgz", StringComparison.Ordinal))
        {
            Assert.True(app.Tasks.Count > 0);
            return;
        }

        AssertMatchesIndependentCount(app, [path]);
    }

    [Theory]
    [InlineData("spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964", EventLogLayout.RollingDirectory, 2)]
    [InlineData("spark-rapids-tools/spark-events-qualification/db_sim_eventlog", EventLogLayout.DatabricksFolder, 2)]
    [InlineData("apache-spark/spark-events-legacy-dirformat/local-1422981780767", EventLogLayout.LegacyDirectory, 1)]
    public async Task MultiFileLayoutsReadAsOneApplication(string relative, EventLogLayout layout, int parts)
    {
        var path = TestPaths.SharedLog(relative);
        var app = await EventLogReader.ReadAsync(path);

        Assert.Equal(layout, app.ReadReport.Layout);
        Assert.Equal(parts, app.ReadReport.Parts.Count);
        var files = app.ReadReport.Parts.Select(p => p.Name).ToList();
        AssertMatchesIndependentCount(app, files);
    }

    [Fact]
    public async Task RollingLogReadsItsPartsInIndexOrderAndIsCompleteWithAnAppStatusMarker()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("spark-rapids-tools/spark-events-qualification/eventlog_v2_local-1623876083964"));

        Assert.EndsWith("events_1_local-1623876083964.zstd", app.ReadReport.Parts[0].Name);
        Assert.EndsWith("events_2_local-1623876083964.zstd", app.ReadReport.Parts[1].Name);
        Assert.All(app.ReadReport.Parts, p => Assert.Equal(Sync.Engine.EventLogs.Compression.EventLogCodec.Zstd, p.Codec));
        Assert.Equal("local-1623876083964", app.Info.Id);
    }

    [Fact]
    public async Task DatabricksFolderPutsTheRotatedGzipPartBeforeTheLiveLog()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("spark-rapids-tools/spark-events-qualification/db_sim_eventlog"));

        Assert.EndsWith("eventlog-2021-06-15--15-00.gz", app.ReadReport.Parts[0].Name);
        Assert.Equal(Sync.Engine.EventLogs.Compression.EventLogCodec.Gzip, app.ReadReport.Parts[0].Codec);
        Assert.EndsWith("eventlog", app.ReadReport.Parts[1].Name);
    }

    [Fact]
    public async Task ZipArchiveOfAnEmrLogReadsTheWholeApplication()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("synccomputingcode-spark_log_parser/tests/logs/emr.zip"));

        // PROVENANCE.md: 879 jobs / 1,539 stages / 9,074 tasks, 32 executors x 1 core, 3,909.8 s.
        Assert.Equal("application_1640227485896_0002", app.Info.Id);
        Assert.Equal("3.0.1-amzn-0", app.Info.SparkVersion);
        Assert.Equal(879, app.Jobs.Count);
        Assert.Equal(9074, app.Tasks.Count);
        Assert.Equal(32, app.Executors.Count(e => !e.IsDriver));
        Assert.All(app.Executors.Where(e => !e.IsDriver), e => Assert.Equal(1, e.Cores));
        Assert.Equal(3_909_774, app.WallTimeMs);
        Assert.False(app.ReadReport.IsIncomplete);
    }

    [Fact]
    public async Task DatabricksLogSkipsAndReportsVendorEventsWithoutFailing()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("synccomputingcode-spark_log_parser/tests/logs/databricks.zip"));

        Assert.Equal(446, app.Tasks.Count);
        Assert.Equal(50, app.Jobs.Count);
        Assert.True(app.ReadReport.IsIncomplete, "a Databricks log has no application end event");
        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("no SparkListenerApplicationEnd"));
    }

    [Fact]
    public async Task MalformedLineIsReportedWithFileAndLineNumberAndTheRestIsRead()
    {
        var path = TestPaths.SharedLog("spark-rapids-tools/spark-events-profiling/malformed_json_eventlog.zstd");
        var app = await EventLogReader.ReadAsync(path);

        Assert.Equal(1, app.ReadReport.MalformedLineCount);
        var line = Assert.Single(app.ReadReport.MalformedLines);
        Assert.Equal(path, line.File);
        Assert.True(line.LineNumber > 1);
        Assert.Equal(217, app.Tasks.Count);
    }

    [Fact]
    public async Task LogWithoutEndEventIsIncompleteAndEndsAtTheLastTimeSeen()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("apache-spark/spark-events-broken/last-attempt-incomplete/application_1656321732247_0006_2"));

        Assert.Null(app.Info.EndTimeMs);
        Assert.True(app.ReadReport.IsIncomplete);
        Assert.True(app.EndTimeMs >= app.Info.StartTimeMs);
    }

    internal static void AssertMatchesIndependentCount(SparkApplication app, IReadOnlyList<string> files)
    {
        var counts = IndependentCounts.Count(files);
        int Count(string name) => counts.GetValueOrDefault(name);

        Assert.Equal(Count("SparkListenerTaskEnd"), app.Tasks.Count + MalformedOf(app, "SparkListenerTaskEnd", files));
        Assert.Equal(IndependentCounts.JobIds.Count, app.Jobs.Count + MalformedOf(app, "SparkListenerJobStart", files));
        Assert.Equal(Count("SparkListenerStageCompleted"), app.Stages.Count(s => s.Outcome is StageOutcome.Succeeded or StageOutcome.Failed) + MalformedOf(app, "SparkListenerStageCompleted", files));
        Assert.Equal(Count("SparkListenerExecutorAdded"), app.Executors.Count + MalformedOf(app, "SparkListenerExecutorAdded", files));
        foreach (var (name, count) in app.ReadReport.EventCounts)
        {
            Assert.True(Count(name) == count + MalformedOf(app, name, files), $"{name}: text count {Count(name)}, reader {count}");
        }
    }

    /// <summary>How many of the malformed lines the text count still saw as <paramref name="eventName"/>.</summary>
    private static int MalformedOf(SparkApplication app, string eventName, IReadOnlyList<string> files)
    {
        if (app.ReadReport.MalformedLineCount == 0)
        {
            return 0;
        }

        var wanted = app.ReadReport.MalformedLines.GroupBy(m => m.File).ToDictionary(g => g.Key, g => g.Select(m => m.LineNumber).ToHashSet());
        var matches = 0;
        foreach (var file in files.Where(wanted.ContainsKey))
        {
            using var reader = new StreamReader(IndependentCounts.OpenDecompressed(file));
            long number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (wanted[file].Contains(number) && line.Contains($"\"Event\":\"{eventName}\"", StringComparison.Ordinal))
                {
                    matches++;
                }
            }
        }

        return matches;
    }
}
