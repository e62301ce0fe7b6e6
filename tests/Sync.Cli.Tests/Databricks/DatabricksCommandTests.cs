using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Cli.Tests.Configuration;
using Sync.Databricks.Emulator;

namespace Sync.Cli.Tests.Databricks;

/// <summary><c>sync-cli databricks …</c> and the Databricks lines of <c>doctor</c> as real processes against the workspace emulator.</summary>
public sealed class DatabricksCommandTests : IAsyncLifetime
{
    private readonly SyncHomeCli _cli = new();
    private DatabricksEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DatabricksEmulator.StartAsync(new EmulatorOptions
        {
            Clock = EmulatorClock.Real(),
            Timings = EmulatorTimings.Uniform(TimeSpan.FromMilliseconds(100)),
            EventLogs = [Path.Combine(CliProcess.RepoRoot, "..", "shared", "data", "eventlogs", "synccomputingcode-spark_log_parser", "tests", "logs", "databricks.zip")],
            NodeTypeCatalog = Path.Combine(CliProcess.RepoRoot, "catalog", "aws-instances.json"),
        });
        // A catalog of a few types in the Sync directory (the one sync-cli catalog update writes), so that the prediction
        // simulates few candidates: the test runs beside every other test assembly on two cores.
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CliProcess.RepoRoot, "catalog", "aws-instances.json")))!.AsObject();
        var kept = catalog["instances"]!.AsArray().Where(i => i!["type"]!.GetValue<string>() is "m5.xlarge" or "m5.2xlarge" or "m5.4xlarge" or "r5.2xlarge" or "c5.2xlarge")
            .Select(i => i!.DeepClone()).ToArray();
        catalog["instances"] = new JsonArray(kept);
        Directory.CreateDirectory(Path.Combine(_cli.Home, "catalog"));
        await File.WriteAllTextAsync(Path.Combine(_cli.Home, "catalog", "aws-instances.json"), catalog.ToJsonString());
        _cli.Environment["DATABRICKS_HOST"] = _emulator.BaseUri.ToString();
        _cli.Environment["DATABRICKS_TOKEN"] = _emulator.Token;
        _cli.Environment["DATABRICKS_CONFIG_FILE"] = Path.Combine(_cli.Home, "no-databrickscfg");
        _cli.Environment["SYNC_DATABRICKS_POLL_MS"] = "25";
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Run_job_wait_records_the_run_run_prediction_submits_the_recommended_cluster_and_doctor_checks_the_workspace()
    {
        var (exit, stdout, stderr) = await _cli.RunAsync(null, "projects", "create", "--name", "etl", "--product", "aws-databricks", "--artifacts", "dbfs:/sync", "-o", "json");
        Assert.True(exit == 0, stderr);
        var projectId = JsonDocument.Parse(stdout).RootElement.GetProperty("id").GetString()!;
        var spec = Path.Combine(_cli.Home, "cluster-spec.json");
        await File.WriteAllTextAsync(spec, """
            {"spark_version": "9.1.x-scala2.12", "node_type_id": "m5.4xlarge", "driver_node_type_id": "m5.xlarge", "num_workers": 4,
             "aws_attributes": {"availability": "ON_DEMAND", "zone_id": "us-east-1a"}}
            """);
        const string task = """{"spark_python_task": {"python_file": "dbfs:/jobs/etl.py"}}""";
        (exit, stdout, stderr) = await _cli.RunAsync(null, "databricks", "run-job", spec, "--task", task, "--project", projectId, "--wait", "-o", "json");

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"run \d+: (PENDING|RUNNING|TERMINATING)", stderr);
        Assert.Matches(@"run \d+: TERMINATED SUCCESS", stderr);
        var recorded = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("succeeded", recorded.GetProperty("status").GetString());
        Assert.Equal(projectId, recorded.GetProperty("projectId").GetString());
        var predictionId = recorded.GetProperty("predictionId").GetString()!;
        Assert.StartsWith($"dbfs:/sync/{projectId}/", recorded.GetProperty("clusterReportLocation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.Token, stdout + stderr, StringComparison.Ordinal);
        // The prediction was queued by the recording process; waiting in a new process runs it.
        (exit, stdout, stderr) = await _cli.RunAsync(null, "predictions", "wait", predictionId, "-o", "json");
        Assert.True(exit == 0, stderr);
        (exit, stdout, stderr) = await _cli.RunAsync(null, "databricks", "run-prediction", predictionId, "--task", task, "--preference", "economy", "-o", "json");

        Assert.True(exit == 0, stderr);
        var started = JsonNode.Parse(stdout)!;
        var runId = started["runId"]!.GetValue<long>();
        var submitted = _emulator.Workspace.SubmittedCluster(runId)!;
        Assert.Equal(started["newCluster"]!["node_type_id"]!.GetValue<string>(), submitted["node_type_id"]!.GetValue<string>());
        Assert.Equal(started["newCluster"]!["num_workers"]!.GetValue<int>(), submitted["num_workers"]!.GetValue<int>());
        Assert.Equal(started["syncRunId"]!.GetValue<string>(), submitted["custom_tags"]!["sync:run-id"]!.GetValue<string>());
        Assert.Equal(projectId, submitted["custom_tags"]!["sync:project-id"]!.GetValue<string>());
        // Doctor: where the workspace and token come from, the token, the Jobs API and the default project's log location.
        _cli.Environment["SYNC_PROJECT_ID"] = projectId;
        (exit, stdout, stderr) = await _cli.RunAsync(null, "doctor", "-o", "json");

        var lines = Lines(stdout);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("DATABRICKS_HOST", lines["databricks"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("OK", lines["dbx-token"].GetProperty("status").GetString());
        Assert.Equal("OK", lines["dbx-jobs"].GetProperty("status").GetString());
        Assert.Equal("OK", lines["dbx-log-location"].GetProperty("status").GetString());
        Assert.Contains("dbfs:/sync is readable", lines["dbx-log-location"].GetProperty("message").GetString(), StringComparison.Ordinal);

        _cli.Environment["DATABRICKS_TOKEN"] = "dapi-wrong-token-never-printed";
        (exit, stdout, _) = await _cli.RunAsync(null, "doctor", "-o", "json");
        lines = Lines(stdout);
        Assert.Equal(1, exit);
        Assert.Equal("FAIL", lines["dbx-token"].GetProperty("status").GetString());
        Assert.Contains("rejected the token", lines["dbx-token"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("dapi-wrong-token-never-printed", stdout, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonElement> Lines(string stdout) => JsonDocument.Parse(stdout).RootElement.EnumerateArray()
        .ToDictionary(line => line.GetProperty("check").GetString()!, line => line.Clone());
}
