using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Compression;
using Sync.Engine.EventLogs.Sources;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.EventLogs;

/// <summary>Layouts built from a real log's lines: rolling with compaction, Databricks rotation, in-progress files, folders, streams.</summary>
[Collection("Archives")]
public class LayoutTests
{
    private static readonly string[] Lines = SampleLog.Lines;

    [Fact]
    public async Task RollingDirectoryReadsTheLastCompactFileThenLaterFilesInIndexOrder()
    {
        using var dir = new TempDirectory();
        var root = $"eventlog_v2_{SampleLog.AppId}";
        var third = Lines.Length / 3;
        // events_1 is superseded by the compact file for index 2; a stale events_2 must not be read twice.
        dir.File($"{root}/events_1_{SampleLog.AppId}.zstd", SampleLog.Zstd(SampleLog.Join(Lines[..third])));
        dir.File($"{root}/events_2_{SampleLog.AppId}.zstd", SampleLog.Zstd(SampleLog.Join(Lines[third..(2 * third)])));
        dir.File($"{root}/events_2_{SampleLog.AppId}.zstd.compact", SampleLog.Join(Lines[..(2 * third)]));
        dir.File($"{root}/events_10_{SampleLog.AppId}", SampleLog.Join(Lines[(2 * third)..]));
        dir.File($"{root}/appstatus_{SampleLog.AppId}", "");

        var app = await EventLogReader.ReadAsync(Path.Combine(dir.Path, root));

        Assert.Equal(EventLogLayout.RollingDirectory, app.ReadReport.Layout);
        Assert.Equal(2, app.ReadReport.Parts.Count);
        Assert.EndsWith(".compact", app.ReadReport.Parts[0].Name);
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("missing events file(s) 3..9"));
    }

    [Fact]
    public async Task RollingDirectoryWithAnInProgressStatusIsIncomplete()
    {
        using var dir = new TempDirectory();
        var root = $"eventlog_v2_{SampleLog.AppId}";
        dir.File($"{root}/events_1_{SampleLog.AppId}", SampleLog.Join(Lines[..^5]));
        dir.File($"{root}/appstatus_{SampleLog.AppId}.inprogress", "");

        var app = await EventLogReader.ReadAsync(Path.Combine(dir.Path, root));

        Assert.True(app.ReadReport.IsIncomplete);
        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("in progress"));
    }

    [Fact]
    public async Task DatabricksPartsAreOrderedByRolloverNumberNotFileName()
    {
        using var dir = new TempDirectory();
        var half = Lines.Length / 2;
        // File names put the second half first; the metadata says otherwise.
        dir.File("eventlog-2022-01-18--19-00.gz", SampleLog.Gzip(SampleLog.Join([SampleLog.DatabricksMetadata(1), .. Lines[half..^1]])));
        dir.File("eventlog-2022-01-18--20-00.gz", SampleLog.Gzip(SampleLog.Join([SampleLog.DatabricksMetadata(0), .. Lines[..half]])));
        dir.File("eventlog", SampleLog.Join([SampleLog.DatabricksMetadata(2), Lines[^1]]));

        var app = await EventLogReader.ReadAsync(dir.Path);

        Assert.Equal(EventLogLayout.DatabricksFolder, app.ReadReport.Layout);
        Assert.EndsWith("20-00.gz", app.ReadReport.Parts[0].Name);
        Assert.EndsWith("19-00.gz", app.ReadReport.Parts[1].Name);
        Assert.EndsWith("eventlog", app.ReadReport.Parts[2].Name);
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
        Assert.Equal("3.0.0-SNAPSHOT", app.Info.SparkVersion);
        Assert.Empty(app.ReadReport.UnknownEventCounts);
    }

    [Fact]
    public async Task DatabricksFolderWithAMissingPartWarnsAndReadsTheRest()
    {
        using var dir = new TempDirectory();
        dir.File("eventlog-2022-01-18--19-00", SampleLog.Join([SampleLog.DatabricksMetadata(0), .. Lines]));
        dir.File("eventlog", SampleLog.Join([SampleLog.DatabricksMetadata(2)]));

        var app = await EventLogReader.ReadAsync(dir.Path);

        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("missing rollover part(s) 1..1"));
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
    }

    [Fact]
    public async Task DatabricksPartsOfTwoSparkContextsAreRejected()
    {
        using var dir = new TempDirectory();
        dir.File("eventlog-2022-01-18--19-00", SampleLog.Join([SampleLog.DatabricksMetadata(0, context: 1), .. Lines]));
        dir.File("eventlog", SampleLog.Join([SampleLog.DatabricksMetadata(1, context: 2)]));

        var error = await Assert.ThrowsAsync<EventLogFormatException>(() => EventLogReader.ReadAsync(dir.Path));
        Assert.Contains("2 Spark contexts", error.Message);
    }

    [Fact]
    public async Task DatabricksDuplicatePartsAreRejected()
    {
        using var dir = new TempDirectory();
        dir.File("eventlog-2022-01-18--19-00", SampleLog.Join([SampleLog.DatabricksMetadata(0), .. Lines]));
        dir.File("eventlog-2022-01-18--20-00", SampleLog.Join([SampleLog.DatabricksMetadata(0), .. Lines]));

        var error = await Assert.ThrowsAsync<EventLogFormatException>(() => EventLogReader.ReadAsync(dir.Path));
        Assert.Contains("more than one part with rollover number 0", error.Message);
    }

    [Fact]
    public async Task DatabricksClusterLogFolderIsFoundBelowTheEventlogRoot()
    {
        using var dir = new TempDirectory();
        dir.File("eventlog/0614-cluster_10.0.0.1/5990884153077848559/eventlog", SampleLog.Join(Lines));

        var app = await EventLogReader.ReadAsync(Path.Combine(dir.Path, "eventlog"));

        Assert.Equal(EventLogLayout.DatabricksFolder, app.ReadReport.Layout);
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
    }

    [Fact]
    public async Task FolderWithSeveralApplicationsNamesThemInTheError()
    {
        using var dir = new TempDirectory();
        dir.File("app-1", SampleLog.Join(Lines));
        dir.File("app-2", SampleLog.Join(Lines));

        var error = await Assert.ThrowsAsync<EventLogFormatException>(() => EventLogReader.ReadAsync(dir.Path));
        Assert.Contains("holds 2 event logs (app-1, app-2)", error.Message);
    }

    [Fact]
    public async Task InProgressFileWithACutLastLineReadsWhatIsCompleteAndSaysSo()
    {
        using var dir = new TempDirectory();
        var text = SampleLog.Join(Lines[..^2]);
        var cut = text + Lines[^2][..(Lines[^2].Length / 2)];
        var path = dir.File($"{SampleLog.Name}.inprogress", cut);

        var app = await EventLogReader.ReadAsync(path);
        var complete = await EventLogReader.ReadAsync(dir.File("complete", text));

        Assert.True(app.ReadReport.IsIncomplete);
        Assert.Equal(complete.Tasks.Count, app.Tasks.Count);
        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("cut off mid-write"));
        Assert.Contains(app.ReadReport.Warnings, w => w.Contains("marked in progress"));
        Assert.Equal(0, app.ReadReport.MalformedLineCount);
    }

    [Fact]
    public async Task StreamSourceReadsANonSeekableCompressedBody()
    {
        var bytes = File.ReadAllBytes(TestPaths.TestData($"compressed/{SampleLog.Name}.lz4"));
        using var source = EventLogSource.FromStream(new Compression.NonSeekableStream(bytes, maxChunk: 1000), "s3://bucket/logs/app.lz4");

        var app = await EventLogReader.ReadAsync(source);

        Assert.Equal(EventLogLayout.Stream, app.ReadReport.Layout);
        Assert.Equal(EventLogCodec.Lz4, app.ReadReport.Parts[0].Codec);
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
    }

    [Fact]
    public async Task MissingPathIsFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() => EventLogReader.ReadAsync("/nonexistent/sync/eventlog"));

    [Fact]
    public async Task TarGzipArchiveIsUnpackedAndItsTemporaryFolderRemoved()
    {
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "payload");
        Directory.CreateDirectory(folder);
        File.Copy(SampleLog.PlainPath, Path.Combine(folder, SampleLog.Name));
        var archive = Path.Combine(dir.Path, "log.tgz");
        using (var output = File.Create(archive))
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            System.Formats.Tar.TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
        }

        string unpacked;
        using (var source = EventLogSource.FromPath(archive))
        {
            unpacked = Assert.IsType<string>(source.TemporaryDirectory);
            Assert.True(Directory.Exists(unpacked));
            var app = await EventLogReader.ReadAsync(source);
            Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
        }

        // Checked on this source's own folder, so that other tests unpacking archives at the same time cannot interfere.
        Assert.False(Directory.Exists(unpacked), $"{unpacked} was left behind");
    }
}
