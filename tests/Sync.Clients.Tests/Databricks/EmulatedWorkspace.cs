using System.Text.Json.Nodes;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;
using Sync.Databricks.Emulator;

namespace Sync.Clients.Tests.Databricks;

/// <summary>An emulator on a manual clock plus a client of it; disposed together.</summary>
internal sealed class EmulatedWorkspace : IAsyncDisposable
{
    private EmulatedWorkspace(DatabricksEmulator emulator, DatabricksRestClient client, List<string> log)
    {
        Emulator = emulator;
        Client = client;
        Log = log;
    }

    public DatabricksEmulator Emulator { get; }

    public DatabricksRestClient Client { get; }

    /// <summary>The client's diagnostics lines.</summary>
    public List<string> Log { get; }

    public static async Task<EmulatedWorkspace> StartAsync(EmulatorOptions? options = null, string? token = null, int maxRetries = 3)
    {
        var emulator = await DatabricksEmulator.StartAsync(options ?? new EmulatorOptions { Clock = EmulatorClock.Manual(), EventLogs = [TestPaths.DatabricksEventLog] });
        var log = new List<string>();
        var client = new DatabricksRestClient(
            new DatabricksCredentials(emulator.BaseUri, token ?? emulator.Token, "test"),
            new DatabricksRestClientOptions
            {
                Retry = new DatabricksRetryPolicy { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
                Log = line =>
                {
                    lock (log)
                    {
                        log.Add(line);
                    }
                },
            });
        return new EmulatedWorkspace(emulator, client, log);
    }

    public static JsonObject Spec(string json = """
        {"spark_version": "9.1.x-scala2.12", "node_type_id": "m5.4xlarge", "driver_node_type_id": "m5.xlarge", "num_workers": 4,
         "aws_attributes": {"availability": "SPOT_WITH_FALLBACK", "first_on_demand": 1, "zone_id": "us-west-2a", "x_unmodelled": {"kept": true}},
         "cluster_log_conf": {"dbfs": {"destination": "dbfs:/cluster-logs"}}, "custom_tags": {"team": "data"}}
        """) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject PythonTask() => new() { ["spark_python_task"] = new JsonObject { ["python_file"] = "dbfs:/jobs/etl.py", ["parameters"] = new JsonArray("--day", "2026-03-04") } };

    public Task<long> SubmitAsync(JsonObject? spec = null, string? idempotencyToken = null) =>
        Client.SubmitRunAsync(RunSubmission.SingleTask("etl", "main", spec ?? Spec(), PythonTask(), idempotencyToken ?? Guid.NewGuid().ToString()));

    /// <summary>Moves the manual clock through a whole run with the default timings and past log delivery.</summary>
    public void RunToCompletion() => Emulator.Clock.Advance(TimeSpan.FromMinutes(30));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
