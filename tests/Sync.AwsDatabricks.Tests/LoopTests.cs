using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.AwsDatabricks.ClusterSpecs;
using Sync.AwsDatabricks.Runs;
using Sync.Databricks.Emulator;
using Sync.Engine.Recommendations;

namespace Sync.AwsDatabricks.Tests;

/// <summary>The run-and-record loop against the workspace emulator and an embedded Sync store.</summary>
public sealed class LoopTests
{
    private const string PythonFile = "dbfs:/jobs/etl.py";

    [Fact]
    public async Task Run_record_predict_and_run_the_prediction_end_to_end()
    {
        await using var ws = await LoopWorkspace.StartAsync();
        var project = await ws.CreateProjectAsync();
        ws.Emulator.Workspace.Dbfs.Write(PythonFile, "spark.range(10).count()\n"u8.ToArray(), 0);
        var task = DatabricksTask.SparkPython(PythonFile, "--date", "2026-11-25");
        var states = new List<string>();

        var recorded = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), task, project.Id, new Inline(s => states.Add(s.LifeCycleState)));

        Assert.True(recorded.IsSuccess, recorded.ToString());
        var record = recorded.Value;
        // Every state is seen in order on the manual clock (WaitTests); here polls may skip short ones.
        Assert.Equal("TERMINATED", states[^1]);
        Assert.Equal(states, new[] { "PENDING", "RUNNING", "TERMINATING", "TERMINATED" }.Where(states.Contains));
        Assert.False(record.AlreadyRecorded);
        Assert.Equal(RunStatus.Succeeded, record.Run.Status);
        Assert.Equal("SUCCESS", record.Status.ResultState);
        Assert.NotNull(record.PredictionId);
        Assert.StartsWith("sha256:", record.Run.CodeHash, StringComparison.Ordinal);

        // What was submitted: the user's spec with Sync's tags and log delivery to the run's folder, idempotent on the Sync run id.
        var submission = Assert.Single(ws.Emulator.Workspace.Submissions);
        Assert.Equal(record.Run.Id, submission["idempotency_token"]!.GetValue<string>());
        var cluster = submission["tasks"]![0]!["new_cluster"]!.AsObject();
        Assert.Equal(project.Id, cluster["custom_tags"]![ClusterSpecPreparation.ProjectIdTag]!.GetValue<string>());
        Assert.Equal(record.Run.Id, cluster["custom_tags"]![ClusterSpecPreparation.RunIdTag]!.GetValue<string>());
        Assert.Equal("data-eng", cluster["custom_tags"]!["team"]!.GetValue<string>());
        Assert.Equal(record.Location.Root, cluster["cluster_log_conf"]!["dbfs"]!["destination"]!.GetValue<string>());
        Assert.StartsWith($"dbfs:/sync-projects/{project.Id}/", record.Location.Root, StringComparison.Ordinal);
        Assert.Equal(PythonFile, submission["tasks"]![0]!["spark_python_task"]!["python_file"]!.GetValue<string>());

        // The run's folder: the spec as given, the request sent, the cluster report; the event log read from the delivered folder.
        var savedSpec = JsonNode.Parse(ws.DbfsText(record.Location.File("cluster-spec.json"))!)!.AsObject();
        Assert.Null(savedSpec["cluster_log_conf"]);
        Assert.Equal(4, savedSpec["num_workers"]!.GetValue<int>());
        Assert.Equal(record.Run.Id, JsonNode.Parse(ws.DbfsText(record.Location.File("run-submit.json"))!)!["idempotency_token"]!.GetValue<string>());
        var storedReport = ws.DbfsText(record.Location.ClusterReportLocation)!;
        Assert.Equal(storedReport, record.Run.ClusterReportJson);
        var report = Sync.Engine.Clusters.ClusterReport.Parse(storedReport, "report");
        Assert.Equal("aws-databricks", report.Platform);
        Assert.Equal("m5.4xlarge", report.Nodes[^1].InstanceType);
        Assert.Null(report.Spec!["custom_tags"]![ClusterSpecPreparation.RunIdTag]);
        Assert.StartsWith(record.Location.Root + "/", record.EventLogFolder, StringComparison.Ordinal);
        Assert.True(Directory.Exists(record.Run.EventLogLocation), record.Run.EventLogLocation);
        Assert.Contains(Directory.GetFiles(record.Run.EventLogLocation!), f => Path.GetFileName(f) == "eventlog");

        // Predict from it.
        var prediction = await ws.Sync.Predictions.WaitForPredictionAsync(record.PredictionId!, TimeSpan.FromSeconds(60));
        Assert.True(prediction.IsSuccess, prediction.ToString());
        Assert.True(prediction.Value.Status == PredictionStatus.Success, prediction.Value.Error?.ToString());
        Assert.Equal(record.Run.Id, prediction.Value.RunId);
        var economy = prediction.Value.Solutions["economy"];
        var recommended = JsonNode.Parse(economy.PlatformConfigurationJson!)!.AsObject();

        // Recording again changes nothing.
        var again = await ws.Client.RecordRunAsync(record.Status.RunId);
        Assert.True(again.IsSuccess, again.ToString());
        Assert.True(again.Value.AlreadyRecorded);
        Assert.Equal(record.Run.Id, again.Value.Run.Id);
        Assert.Contains(again.Warnings, w => w.Code == "already-recorded");

        // Run the economy configuration with changed code: the new cluster carries the recommended type and size and new tags.
        ws.Emulator.Workspace.Dbfs.Write(PythonFile, "spark.range(20).count()\n"u8.ToArray(), 0);
        var next = await ws.Client.RunPredictionAsync(record.PredictionId!, Preference.Economy, task);

        Assert.True(next.IsSuccess, next.ToString());
        Assert.Contains(next.Warnings, w => w.Code == "code-hash-changed");
        var submitted = ws.Emulator.Workspace.SubmittedCluster(next.Value.RunId)!;
        Assert.Equal(economy.WorkerInstanceType, submitted["node_type_id"]!.GetValue<string>());
        Assert.Equal(recommended["node_type_id"]!.GetValue<string>(), submitted["node_type_id"]!.GetValue<string>());
        Assert.Equal(recommended["num_workers"]!.GetValue<int>(), submitted["num_workers"]!.GetValue<int>());
        Assert.Equal(economy.WorkerNodes, submitted["num_workers"]!.GetValue<int>());
        Assert.Equal(next.Value.SyncRunId, submitted["custom_tags"]![ClusterSpecPreparation.RunIdTag]!.GetValue<string>());
        Assert.NotEqual(record.Run.Id, next.Value.SyncRunId);
        Assert.Equal(project.Id, submitted["custom_tags"]![ClusterSpecPreparation.ProjectIdTag]!.GetValue<string>());
        Assert.Equal("data-eng", submitted["custom_tags"]!["team"]!.GetValue<string>());
        Assert.Equal(next.Value.Location!.Root, submitted["cluster_log_conf"]!["dbfs"]!["destination"]!.GetValue<string>());
        Assert.Equal("SPOT_WITH_FALLBACK", submitted["aws_attributes"]!["availability"]!.GetValue<string>());
        Assert.Equal("9.1.x-scala2.12", submitted["spark_version"]!.GetValue<string>());

        // The project's latest prediction, balanced this time.
        var balanced = prediction.Value.Solutions["balanced"];
        var third = await ws.Client.RunProjectPredictionAsync(project.Id, Preference.Balanced, task);
        Assert.True(third.IsSuccess, third.ToString());
        var thirdCluster = ws.Emulator.Workspace.SubmittedCluster(third.Value.RunId)!;
        Assert.Equal(balanced.WorkerInstanceType, thirdCluster["node_type_id"]!.GetValue<string>());
        Assert.Equal(balanced.WorkerNodes, thirdCluster["num_workers"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_failed_run_is_recorded_as_failed_with_its_state_message_and_no_prediction()
    {
        await using var ws = await LoopWorkspace.StartAsync();
        var project = await ws.CreateProjectAsync();
        ws.Emulator.Faults.FailRunsWith = "Py4JJavaError: An error occurred while calling o123.save";

        var recorded = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile), project.Id);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(RunStatus.Failed, recorded.Value.Run.Status);
        Assert.Equal("FAILED: Py4JJavaError: An error occurred while calling o123.save", recorded.Value.Run.StatusMessage);
        Assert.Null(recorded.Value.PredictionId);
        var stored = await ws.Sync.Runs.GetAsync(recorded.Value.Run.Id);
        Assert.Equal(RunStatus.Failed, stored.Value.Status);
        Assert.NotNull(ws.DbfsText(recorded.Value.Location.ClusterReportLocation));

        var prediction = await ws.Client.CreateProjectPredictionAsync(project.Id);
        Assert.False(prediction.IsSuccess);
    }

    [Fact]
    public async Task Record_run_errors_still_going_and_unknown()
    {
        // On a clock that does not move, the run stays PENDING.
        await using var ws = await LoopWorkspace.StartAsync(clock: EmulatorClock.Manual());
        var project = await ws.CreateProjectAsync();

        var started = await ws.Client.RunJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile), project.Id);
        Assert.True(started.IsSuccess, started.ToString());
        var going = await ws.Client.RecordRunAsync(started.Value.RunId);
        Assert.Equal(SyncErrorKind.NotReady, going.Error!.Kind);
        Assert.Equal("run-not-finished", going.Error.Code);
        Assert.Contains($"Run {started.Value.RunId} is still PENDING", going.Error.Message, StringComparison.Ordinal);

        var unknown = await ws.Client.RecordRunAsync(42);
        Assert.Equal(SyncErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Contains("42", unknown.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_run_times_out_naming_the_folder_when_logs_are_never_delivered()
    {
        await using var ws = await LoopWorkspace.StartAsync(o => o.LogDeliveryTimeout = TimeSpan.FromMilliseconds(400));
        var project = await ws.CreateProjectAsync();
        ws.Emulator.Faults.NeverDeliverLogs = true;

        var silent = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile), project.Id);

        Assert.Equal(SyncErrorKind.Timeout, silent.Error!.Kind);
        Assert.Equal("eventlog-not-delivered", silent.Error.Code);
        Assert.Contains($"dbfs:/sync-projects/{project.Id}/", silent.Error.Message, StringComparison.Ordinal);
        Assert.Contains("/eventlog/", silent.Error.Message, StringComparison.Ordinal);
        Assert.Empty((await ws.Sync.Runs.ListAsync(project.Id)).Value);
    }

    [Fact]
    public async Task Run_job_errors_malformed_spec_bad_task_missing_location_and_no_sync_client()
    {
        await using var ws = await LoopWorkspace.StartAsync();
        var project = await ws.CreateProjectAsync();
        var task = DatabricksTask.SparkPython(PythonFile);

        var spec = LoopWorkspace.Spec();
        spec.Remove("num_workers");
        spec["autoscale"] = new JsonObject { ["min_workers"] = 8, ["max_workers"] = 2 };
        var malformed = await ws.Client.RunJobAsync(spec, task, project.Id);
        Assert.Equal(SyncErrorKind.InvalidInput, malformed.Error!.Kind);
        Assert.Contains("autoscale.max_workers (2) must be", malformed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("autoscale.min_workers (8)", malformed.Error.Message, StringComparison.Ordinal);

        var notJson = await ws.Client.RunJobAsync("{\"spark_version\": \"13.3.x\",\n \"num_workers\": }", task, project.Id);
        Assert.Equal(SyncErrorKind.InvalidInput, notJson.Error!.Kind);
        Assert.Contains("line 2", notJson.Error.Message, StringComparison.Ordinal);

        var badTask = DatabricksTask.Parse("{\"spark_python_task\": {\"parameters\": []}}");
        Assert.Equal("spark_python_task.python_file is required.", badTask.Error!.Message);
        Assert.Contains("none of", DatabricksTask.Parse("{\"libraries\": []}").Error!.Message, StringComparison.Ordinal);

        var local = await ws.CreateProjectAsync(location: null);
        var noLocation = await ws.Client.RunJobAsync(LoopWorkspace.Spec(), task, local.Id);
        Assert.Equal("project-location-missing", noLocation.Error!.Code);

        var unknownProject = await ws.Client.RunJobAsync(LoopWorkspace.Spec(), task, "00000000-0000-0000-0000-000000000000");
        Assert.Equal(SyncErrorKind.NotFound, unknownProject.Error!.Kind);
        Assert.Empty(ws.Emulator.Workspace.Submissions);

        using var bare = new DatabricksClient(ws.Options);
        var noSync = await bare.RecordRunAsync(1);
        Assert.Equal("sync-client-required", noSync.Error!.Code);
    }

    [Fact]
    public async Task Bad_token_and_unreachable_host_are_clear_errors_without_the_token()
    {
        await using var ws = await LoopWorkspace.StartAsync();
        var project = await ws.CreateProjectAsync();
        const string secret = "dapi-not-the-right-token-42";
        using var badToken = new DatabricksClient(ws.Sync, new DatabricksClientOptions
        {
            Host = ws.Emulator.BaseUri.ToString(), Token = secret, MaxRetries = 0, Environment = _ => null, HomeDirectory = "/nonexistent",
        });
        var rejected = await badToken.RunJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile), project.Id);
        Assert.Equal(SyncErrorKind.Authentication, rejected.Error!.Kind);
        Assert.DoesNotContain(secret, rejected.Error.ToString(), StringComparison.Ordinal);

        using var noToken = new DatabricksClient(ws.Sync, new DatabricksClientOptions { Host = ws.Emulator.BaseUri.ToString(), Environment = _ => null, HomeDirectory = "/nonexistent" });
        var missing = await noToken.RecordRunAsync(1);
        Assert.Equal(SyncErrorKind.Authentication, missing.Error!.Kind);
        Assert.Contains("DATABRICKS_TOKEN", missing.Error.Message, StringComparison.Ordinal);

        using var unreachable = new DatabricksClient(ws.Sync, new DatabricksClientOptions
        {
            Host = "http://127.0.0.1:1", Token = secret, MaxRetries = 0, Environment = _ => null, HomeDirectory = "/nonexistent",
        });
        var down = await unreachable.RecordRunAsync(1);
        Assert.Equal(SyncErrorKind.Network, down.Error!.Kind);
        Assert.Contains("127.0.0.1:1", down.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, down.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_wait_leaves_the_run_going_and_a_run_outside_a_project_needs_one_to_be_recorded()
    {
        await using var ws = await LoopWorkspace.StartAsync();
        var project = await ws.CreateProjectAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile), project.Id, new Inline(_ => cancel.Cancel()), cancel.Token);
        Assert.Equal(SyncErrorKind.Cancelled, cancelled.Error!.Kind);
        Assert.Single(ws.Emulator.Workspace.Submissions);
        Assert.Contains("keeps going in the workspace", cancelled.Error.Message, StringComparison.Ordinal);
        Assert.Contains("record-run", cancelled.Error.Hint, StringComparison.Ordinal);

        var plain = await ws.Client.RunJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython(PythonFile));
        Assert.True(plain.IsSuccess, plain.ToString());
        Assert.Null(plain.Value.SyncRunId);
        Assert.Contains(plain.Warnings, w => w.Code == "no-project");
        Assert.Null(ws.Emulator.Workspace.SubmittedCluster(plain.Value.RunId)!["custom_tags"]!["sync:run-id"]);
        Assert.True((await ws.Client.WaitForRunAsync(plain.Value.RunId)).Value.Succeeded);

        var unknownProject = await ws.Client.RecordRunAsync(plain.Value.RunId);
        Assert.Equal("project-required", unknownProject.Error!.Code);

        var withProject = await ws.Client.RecordRunAsync(plain.Value.RunId, project.Id);
        Assert.True(withProject.IsSuccess, withProject.ToString());
        Assert.Contains(withProject.Warnings, w => w.Code == "no-log-delivery");
        Assert.Null(withProject.Value.PredictionId);
    }

    private sealed class Inline(Action<DatabricksRunStatus> report) : IProgress<DatabricksRunStatus>
    {
        public void Report(DatabricksRunStatus value) => report(value);
    }
}
