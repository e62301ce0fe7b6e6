using System.Text.Json.Nodes;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;
using Sync.Databricks.Emulator;

namespace Sync.AwsDatabricks.Tests;

/// <summary>An emulator, a raw client to submit runs and a <see cref="DatabricksClient"/> under test; disposed together.</summary>
internal sealed class DatabricksWorkspace : IAsyncDisposable
{
    private readonly DatabricksRestClient _rest;

    private DatabricksWorkspace(DatabricksEmulator emulator, DatabricksClientOptions options)
    {
        Emulator = emulator;
        Options = options;
        Client = new DatabricksClient(options);
        _rest = new DatabricksRestClient(new DatabricksCredentials(emulator.BaseUri, emulator.Token, "test"));
    }

    public DatabricksEmulator Emulator { get; }

    public DatabricksClientOptions Options { get; }

    public DatabricksClient Client { get; }

    /// <summary>Starts on a manual clock (default) or on the real clock with fast uniform steps.</summary>
    public static async Task<DatabricksWorkspace> StartAsync(TimeSpan? realStep = null, Action<DatabricksClientOptions>? configure = null)
    {
        var emulator = await DatabricksEmulator.StartAsync(new EmulatorOptions
        {
            Clock = realStep is null ? EmulatorClock.Manual() : EmulatorClock.Real(),
            Timings = realStep is { } step ? EmulatorTimings.Uniform(step) : new EmulatorTimings(),
            EventLogs = [TestData.DatabricksEventLog],
        });
        var options = new DatabricksClientOptions
        {
            Host = emulator.BaseUri.ToString(),
            Token = emulator.Token,
            PollInterval = TimeSpan.FromMilliseconds(20),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 2,
            Environment = _ => null,
            HomeDirectory = "/nonexistent",
        };
        configure?.Invoke(options);
        return new DatabricksWorkspace(emulator, options);
    }

    public static JsonObject FixedSpec() => JsonNode.Parse("""
        {"spark_version": "9.1.x-scala2.12", "node_type_id": "m5.4xlarge", "driver_node_type_id": "m5.xlarge", "num_workers": 4,
         "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1, "zone_id": "us-west-2a",
                            "ebs_volume_type": "GENERAL_PURPOSE_SSD", "ebs_volume_count": 1, "ebs_volume_size": 100},
         "spark_conf": {"spark.sql.shuffle.partitions": "64"},
         "cluster_log_conf": {"dbfs": {"destination": "dbfs:/cluster-logs"}}}
        """)!.AsObject();

    public static JsonObject AutoscalingSpec()
    {
        var spec = FixedSpec();
        spec.Remove("num_workers");
        spec["autoscale"] = new JsonObject { ["min_workers"] = 2, ["max_workers"] = 6 };
        return spec;
    }

    public Task<long> SubmitAsync(JsonObject? spec = null) => _rest.SubmitRunAsync(RunSubmission.SingleTask(
        "etl", "main", spec ?? FixedSpec(), new JsonObject { ["spark_python_task"] = new JsonObject { ["python_file"] = "dbfs:/jobs/etl.py" } }, Guid.NewGuid().ToString()));

    public async Task<string> ClusterOfAsync(long runId) => (await _rest.GetRunAsync(runId)).ClusterId!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _rest.Dispose();
        await Emulator.DisposeAsync();
    }
}
