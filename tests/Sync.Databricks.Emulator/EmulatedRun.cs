using System.Text.Json.Nodes;

namespace Sync.Databricks.Emulator;

/// <summary>A one-time run (<c>runs/submit</c>) with one task on its own job cluster; its state follows the cluster's schedule.</summary>
internal sealed class EmulatedRun
{
    public required long RunId { get; init; }
    public required long TaskRunId { get; init; }
    public required long JobId { get; init; }
    public required string RunName { get; init; }
    public required JsonObject Task { get; init; }
    public required EmulatedCluster Cluster { get; init; }
    public string? FailMessage { get; init; }
    public bool Cancelled { get; set; }

    public JsonObject State(long now)
    {
        var c = Cluster;
        if (now >= c.Terminated)
        {
            var result = Cancelled ? "CANCELED" : FailMessage is null ? "SUCCESS" : "FAILED";
            return new JsonObject
            {
                ["life_cycle_state"] = "TERMINATED",
                ["result_state"] = result,
                ["state_message"] = result switch { "CANCELED" => "Run cancelled.", "FAILED" => FailMessage, _ => "" },
                ["user_cancelled_or_timedout"] = Cancelled,
            };
        }

        var lifeCycle = now >= c.RunEnd ? "TERMINATING" : now < c.Ready || c.NeverReady ? "PENDING" : "RUNNING";
        return new JsonObject
        {
            ["life_cycle_state"] = lifeCycle,
            ["state_message"] = lifeCycle == "PENDING" ? "Waiting for cluster" : lifeCycle == "RUNNING" ? "In run" : "",
            ["user_cancelled_or_timedout"] = false,
        };
    }

    public JsonObject TaskJson(long now, string host)
    {
        var c = Cluster;
        var json = (JsonObject)Task.DeepClone();
        json["run_id"] = TaskRunId;
        json["state"] = State(now);
        json["cluster_instance"] = new JsonObject { ["cluster_id"] = c.ClusterId, ["spark_context_id"] = c.SparkContextId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        json["start_time"] = c.Created;
        json["attempt_number"] = 0;
        json["run_page_url"] = $"{host}/?o=0#job/{JobId}/run/{TaskRunId}";
        Durations(json, now);
        return json;
    }

    public JsonObject ToJson(long now, string host, string userName)
    {
        var json = new JsonObject
        {
            ["job_id"] = JobId,
            ["run_id"] = RunId,
            ["creator_user_name"] = userName,
            ["number_in_job"] = RunId,
            ["original_attempt_run_id"] = RunId,
            ["state"] = State(now),
            ["start_time"] = Cluster.Created,
            ["setup_duration"] = 0,
            ["execution_duration"] = 0,
            ["cleanup_duration"] = 0,
            ["trigger"] = "ONE_TIME",
            ["run_name"] = RunName,
            ["run_page_url"] = $"{host}/?o=0#job/{JobId}/run/{RunId}",
            ["run_type"] = "SUBMIT_RUN",
            ["format"] = "MULTI_TASK",
            ["tasks"] = new JsonArray(TaskJson(now, host)),
        };
        var end = now >= Cluster.Terminated ? Cluster.Terminated : (long?)null;
        json["end_time"] = end ?? 0;
        json["run_duration"] = (end ?? now) - Cluster.Created;
        return json;
    }

    private void Durations(JsonObject json, long now)
    {
        var c = Cluster;
        var ready = Math.Min(now, c.Ready);
        json["setup_duration"] = c.NeverReady ? Math.Min(now, c.RunEnd) - c.Created : ready - c.Created;
        json["execution_duration"] = c.NeverReady || now < c.Ready ? 0 : Math.Min(now, c.RunEnd) - c.Ready;
        json["cleanup_duration"] = now < c.RunEnd ? 0 : Math.Min(now, c.Terminated) - c.RunEnd;
        json["end_time"] = now >= c.Terminated ? c.Terminated : 0;
    }
}
