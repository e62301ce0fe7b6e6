using Sync.Api;
using Sync.AwsDatabricks.Runs;
using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Sources;

namespace Sync.AwsDatabricks.Tests;

public sealed class WaitTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task WaitForRun_reports_each_state_until_the_run_succeeds()
    {
        // Manual clock moved 30 s after each poll: every state lasts at least a minute, so each is seen by some poll.
        await using var ws = await DatabricksWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        var seen = new List<string>();
        var progress = new SynchronousProgress(s => seen.Add(s.LifeCycleState));
        using var done = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            var polls = ws.Emulator.Requests.Count;
            while (!done.IsCancellationRequested)
            {
                if (ws.Emulator.Requests.Count > polls)
                {
                    polls = ws.Emulator.Requests.Count;
                    ws.Emulator.Clock.Advance(TimeSpan.FromSeconds(30));
                }

                await Task.Delay(2);
            }
        });

        var response = await ws.Client.WaitForRunAsync(runId, progress);
        await done.CancelAsync();
        await ticker;

        Assert.True(response.IsSuccess, response.ToString());
        Assert.True(response.Value.Succeeded);
        Assert.Equal("SUCCESS", response.Value.ResultState);
        Assert.NotNull(response.Value.ClusterId);
        Assert.Equal(["PENDING", "RUNNING", "TERMINATING", "TERMINATED"], seen);
    }

    [Fact]
    public async Task WaitForRun_returns_a_failed_run_with_its_message()
    {
        await using var ws = await DatabricksWorkspace.StartAsync(Step);
        ws.Emulator.Faults.FailRunsWith = "Py4JJavaError: An error occurred while calling o123.save";
        var runId = await ws.SubmitAsync();

        var response = await ws.Client.WaitForRunAsync(runId);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.False(response.Value.Succeeded);
        Assert.Equal("FAILED", response.Value.ResultState);
        Assert.Equal("Py4JJavaError: An error occurred while calling o123.save", response.Value.StateMessage);
    }

    [Fact]
    public async Task WaitForRun_times_out_and_can_be_cancelled()
    {
        await using var ws = await DatabricksWorkspace.StartAsync(configure: o => o.RunWaitTimeout = TimeSpan.FromMilliseconds(100));
        var runId = await ws.SubmitAsync();

        var timedOut = await ws.Client.WaitForRunAsync(runId);
        Assert.Equal(SyncErrorKind.Timeout, timedOut.Error!.Kind);
        Assert.Contains($"Run {runId} was still PENDING", timedOut.Error.Message, StringComparison.Ordinal);

        ws.Options.RunWaitTimeout = TimeSpan.FromHours(1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var cancelled = await ws.Client.WaitForRunAsync(runId, null, cancel.Token);
        Assert.Equal(SyncErrorKind.Cancelled, cancelled.Error!.Kind);
    }

    [Fact]
    public async Task WaitForRun_of_an_unknown_run_is_not_found()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        Assert.Equal(SyncErrorKind.NotFound, (await ws.Client.WaitForRunAsync(77)).Error!.Kind);
    }

    [Fact]
    public async Task The_delivered_event_log_downloads_into_a_folder_the_engine_reads()
    {
        await using var ws = await DatabricksWorkspace.StartAsync(Step);
        var runId = await ws.SubmitAsync();
        var run = await ws.Client.WaitForRunAsync(runId);
        Assert.True(run.IsSuccess, run.ToString());

        var delivered = await ws.Client.WaitForEventLogAsync("dbfs:/cluster-logs", run.Value.ClusterId!, DateTimeOffset.UtcNow.AddSeconds(20));

        Assert.True(delivered.IsSuccess, delivered.ToString());
        Assert.Equal($"dbfs:/cluster-logs/{run.Value.ClusterId}/eventlog/{run.Value.ClusterId}_10_77_250_60/5706921391408253054", delivered.Value.Folder);
        Assert.Equal(3, delivered.Value.Files.Count);

        var folder = Path.Combine(Directory.CreateTempSubdirectory("sync-dbx-log-").FullName, "5706921391408253054");
        try
        {
            var downloaded = await ws.Client.DownloadEventLogAsync(delivered.Value, folder);
            Assert.True(downloaded.IsSuccess, downloaded.ToString());
            using var source = EventLogSource.FromPath(downloaded.Value);
            Assert.Equal(EventLogLayout.DatabricksFolder, source.Layout);
            Assert.Equal(3, source.Parts.Count);
            Assert.Empty(source.Warnings);

            var application = await EventLogReader.ReadAsync(source);
            Assert.Equal(446, application.Tasks.Count);
            Assert.Equal(50, application.Jobs.Count);
            Assert.Equal(0, application.ReadReport.MalformedLineCount);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Logs_that_never_arrive_are_a_timeout_naming_the_cluster_and_destination()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        ws.Emulator.Faults.NeverDeliverLogs = true;
        var runId = await ws.SubmitAsync();
        var clusterId = await ws.ClusterOfAsync(runId);
        ws.Emulator.Clock.Advance(TimeSpan.FromHours(1));

        var response = await ws.Client.WaitForEventLogAsync("dbfs:/cluster-logs", clusterId, DateTimeOffset.UtcNow.AddMilliseconds(200));

        Assert.Equal(SyncErrorKind.Timeout, response.Error!.Kind);
        Assert.Equal("eventlog-not-delivered", response.Error.Code);
        Assert.Contains(clusterId, response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("dbfs:/cluster-logs", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("found nothing", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("cluster_log_conf", response.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_without_its_live_part_yet_is_not_complete()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        var clusterId = await ws.ClusterOfAsync(runId);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromMinutes(3)); // terminated, rotated parts delivered only

        var response = await ws.Client.WaitForEventLogAsync("dbfs:/cluster-logs", clusterId, DateTimeOffset.UtcNow.AddMilliseconds(200));

        Assert.Equal(SyncErrorKind.Timeout, response.Error!.Kind);
        Assert.Contains("2 file(s)", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("without the live eventlog", response.Error.Message, StringComparison.Ordinal);

        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(3));
        var complete = await ws.Client.WaitForEventLogAsync("dbfs:/cluster-logs", clusterId, DateTimeOffset.UtcNow.AddSeconds(10));
        Assert.True(complete.IsSuccess, complete.ToString());
        Assert.Contains(complete.Value.Files, f => f.Name == "eventlog");
    }

    [Fact]
    public async Task S3_destinations_need_S3_access_and_other_destinations_are_refused()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var response = await ws.Client.WaitForEventLogAsync("s3://bucket/logs", "0101-000000-abc", DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
        Assert.Equal("s3-not-configured", response.Error.Code);

        var volume = await ws.Client.WaitForEventLogAsync("/Volumes/main/logs", "0101-000000-abc", DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("unsupported-location", volume.Error!.Code);
    }

    private sealed class SynchronousProgress(Action<DatabricksRunStatus> report) : IProgress<DatabricksRunStatus>
    {
        public void Report(DatabricksRunStatus value) => report(value);
    }
}
