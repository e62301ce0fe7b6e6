using System.Text.Json.Nodes;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;

namespace Sync.Clients.Tests.Databricks;

public sealed class RestClientTests
{
    [Fact]
    public async Task Submit_get_and_output_follow_the_run_through_its_life_cycle()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();

        var pending = await ws.Client.GetRunAsync(runId);
        Assert.Equal("PENDING", pending.State.LifeCycleState);
        Assert.Null(pending.State.ResultState);
        Assert.NotNull(pending.ClusterId);

        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("RUNNING", (await ws.Client.GetRunAsync(runId)).State.LifeCycleState);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("TERMINATING", (await ws.Client.GetRunAsync(runId)).State.LifeCycleState);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(1));

        var done = await ws.Client.GetRunAsync(runId);
        Assert.Equal("TERMINATED", done.State.LifeCycleState);
        Assert.Equal("SUCCESS", done.State.ResultState);
        var task = Assert.Single(done.Tasks!);
        Assert.Equal(4 * 60_000, task.SetupDuration);
        Assert.Equal(10 * 60_000, task.ExecutionDuration);
        Assert.Equal(60_000, task.CleanupDuration);

        // Members the client does not model survive the round trip through submit and get.
        Assert.True(task.NewCluster!["aws_attributes"]!["x_unmodelled"]!["kept"]!.GetValue<bool>());
        Assert.Equal("2026-03-04", done.Raw["tasks"]![0]!["spark_python_task"]!["parameters"]![1]!.GetValue<string>());

        var output = await ws.Client.GetRunOutputAsync(task.RunId);
        Assert.Equal("SUCCESS", output.Metadata!.State.ResultState);
        Assert.Null(output.Error);

        var parent = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.GetRunOutputAsync(runId));
        Assert.Equal("INVALID_PARAMETER_VALUE", parent.ErrorCode);
        Assert.Contains("multiple tasks", parent.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_carries_its_state_message_and_error()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        ws.Emulator.Faults.FailRunsWith = "ZeroDivisionError: division by zero";
        var runId = await ws.SubmitAsync();
        ws.RunToCompletion();

        var run = await ws.Client.GetRunAsync(runId);
        Assert.Equal("FAILED", run.State.ResultState);
        Assert.Equal("ZeroDivisionError: division by zero", run.State.StateMessage);
        var output = await ws.Client.GetRunOutputAsync(run.Tasks![0].RunId);
        Assert.Equal("ZeroDivisionError: division by zero", output.Error);
    }

    [Fact]
    public async Task The_same_idempotency_token_returns_the_same_run()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var first = await ws.SubmitAsync(idempotencyToken: "sync-run-42");
        var again = await ws.SubmitAsync(idempotencyToken: "sync-run-42");
        var other = await ws.SubmitAsync(idempotencyToken: "sync-run-43");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, ws.Emulator.Workspace.ClusterIds.Count);
    }

    [Fact]
    public async Task Cancel_ends_a_running_run_as_canceled()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(6));
        await ws.Client.CancelRunAsync(runId);
        Assert.Equal("TERMINATING", (await ws.Client.GetRunAsync(runId)).State.LifeCycleState);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(2));

        var run = await ws.Client.GetRunAsync(runId);
        Assert.Equal("CANCELED", run.State.ResultState);
        Assert.True(run.State.UserCancelledOrTimedout);
        var cluster = await ws.Client.GetClusterAsync(run.ClusterId!);
        Assert.Equal("USER_REQUEST", cluster.TerminationReason!.Code);
    }

    [Fact]
    public async Task Cluster_get_and_events_describe_an_autoscaling_cluster_across_pages()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var spec = EmulatedWorkspace.Spec();
        spec.Remove("num_workers");
        spec["autoscale"] = new JsonObject { ["min_workers"] = 2, ["max_workers"] = 6 };
        var runId = await ws.SubmitAsync(spec);
        var clusterId = (await ws.Client.GetRunAsync(runId)).ClusterId!;
        Assert.Equal("PENDING", (await ws.Client.GetClusterAsync(clusterId)).State);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(7));
        var resizing = await ws.Client.GetClusterAsync(clusterId);
        Assert.Equal("RESIZING", resizing.State);
        ws.RunToCompletion();

        var cluster = await ws.Client.GetClusterAsync(clusterId);
        Assert.Equal("TERMINATED", cluster.State);
        Assert.Equal(new AutoScale(2, 6), cluster.Autoscale);
        Assert.Equal("m5.xlarge", cluster.DriverNodeTypeId);
        Assert.Equal("JOB_FINISHED", cluster.TerminationReason!.Code);
        Assert.Equal("data", cluster.CustomTags!["team"]);
        Assert.NotNull(cluster.TerminatedTime);
        Assert.True(cluster.Raw["aws_attributes"]!["x_unmodelled"]!["kept"]!.GetValue<bool>());

        var events = await ws.Client.GetClusterEventsAsync(new ClusterEventsQuery(clusterId, Limit: 2));
        Assert.Equal(["CREATING", "RUNNING", "RESIZING", "UPSIZE_COMPLETED", "TERMINATING", "TERMINATED"], events.Select(e => e.Type));
        Assert.Equal(6, events.Single(e => e.Type == "UPSIZE_COMPLETED").Details!.CurrentNumWorkers);
        Assert.Equal("AUTOSCALE", events.Single(e => e.Type == "RESIZING").Details!.Cause);
        Assert.Equal(3, ws.Emulator.Requests.Count(r => r.StartsWith("POST /api/2.0/clusters/events", StringComparison.Ordinal)));

        var newestFirst = await ws.Client.GetClusterEventsAsync(new ClusterEventsQuery(clusterId, Order: "DESC", Limit: 4, EventTypes: ["RUNNING", "TERMINATED"]));
        Assert.Equal(["TERMINATED", "RUNNING"], newestFirst.Select(e => e.Type));
    }

    [Fact]
    public async Task List_node_types_maps_node_types_to_instance_types()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var types = await ws.Client.ListNodeTypesAsync();

        var m5 = Assert.Single(types, t => t.NodeTypeId == "m5.4xlarge");
        Assert.Equal(65536, m5.MemoryMb);
        Assert.Equal(16, m5.NumCores);
        Assert.Equal("m5.4xlarge", m5.Ec2InstanceType);
        Assert.Equal(950, types.Single(t => t.NodeTypeId == "i3.xlarge").NodeInstanceType!.LocalDiskSizeGb);
    }

    [Fact]
    public async Task Dbfs_list_status_and_chunked_read_return_the_delivered_event_log()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        var clusterId = (await ws.Client.GetRunAsync(runId)).ClusterId!;
        ws.RunToCompletion();

        var driverFolders = await ws.Client.DbfsListAsync($"dbfs:/cluster-logs/{clusterId}/eventlog");
        var driver = Assert.Single(driverFolders);
        Assert.True(driver.IsDir);
        Assert.Equal($"/cluster-logs/{clusterId}/eventlog/{clusterId}_10_77_250_60", driver.Path);
        var context = Assert.Single(await ws.Client.DbfsListAsync(driver.Path));
        Assert.EndsWith("/5706921391408253054", context.Path, StringComparison.Ordinal);
        var files = await ws.Client.DbfsListAsync(context.Path);
        Assert.Equal(3, files.Count);
        Assert.Contains(files, f => f.Path.EndsWith("/eventlog", StringComparison.Ordinal));
        Assert.Equal(2, files.Count(f => f.Path.EndsWith(".gz", StringComparison.Ordinal)));

        var live = files.Single(f => f.Path.EndsWith("/eventlog", StringComparison.Ordinal));
        var status = await ws.Client.DbfsGetStatusAsync(live.Path);
        Assert.False(status.IsDir);
        Assert.True(status.FileSize > DatabricksRestClient.MaxDbfsReadLength, "the live part should need more than one read");

        using var stream = ws.Client.OpenDbfsRead(live.Path);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(ws.Emulator.Workspace.Dbfs.Read(live.Path), copy.ToArray());
        var reads = ws.Emulator.Requests.Count(r => r.StartsWith("GET /api/2.0/dbfs/read", StringComparison.Ordinal));
        Assert.Equal((int)(status.FileSize / DatabricksRestClient.MaxDbfsReadLength) + 2, reads);

        var tail = await ws.Client.DbfsReadAsync(live.Path, status.FileSize - 10, 100);
        Assert.Equal(10, tail.Length);
        Assert.Empty(await ws.Client.DbfsReadAsync(live.Path, status.FileSize, 100));
    }

    [Fact]
    public async Task Api_errors_keep_status_code_and_message()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();

        var cluster = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.GetClusterAsync("0000-000000-nothere"));
        Assert.Equal(400, cluster.StatusCode);
        Assert.Equal("INVALID_PARAMETER_VALUE", cluster.ErrorCode);
        Assert.True(cluster.IsNotFound);

        var run = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.GetRunAsync(12345));
        Assert.True(run.IsNotFound);
        Assert.Contains("Run 12345 does not exist", run.Message, StringComparison.Ordinal);

        var file = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.DbfsGetStatusAsync("dbfs:/nowhere"));
        Assert.Equal(404, file.StatusCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", file.ErrorCode);

        var spec = EmulatedWorkspace.Spec();
        spec.Remove("spark_version");
        var submit = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.SubmitAsync(spec));
        Assert.Equal(400, submit.StatusCode);
        Assert.Contains("spark_version", submit.ServiceMessage, StringComparison.Ordinal);
        Assert.False(submit.IsNotFound);
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_and_a_missing_one_gets_401()
    {
        await using var ws = await EmulatedWorkspace.StartAsync(token: "dapi-wrong-token-000");
        var e = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.ListNodeTypesAsync());

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("403", e.ErrorCode);
        Assert.True(e.IsAuthentication);
        Assert.Single(ws.Emulator.Requests); // not retried

        using var http = new HttpClient { BaseAddress = ws.Emulator.BaseUri };
        var anonymous = await http.GetAsync("api/2.0/clusters/list-node-types");
        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Contains("\"error_code\"", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
