using System.Text.Json.Nodes;

namespace Sync.Databricks.Emulator;

/// <summary>
/// A job cluster created by a submitted run. Its lifecycle is a schedule (created, ready, run end, terminated) read
/// against the clock: PENDING → RUNNING (→ RESIZING → RUNNING when autoscaling) → TERMINATING → TERMINATED, with the
/// matching events.
/// </summary>
internal sealed class EmulatedCluster
{
    public required string ClusterId { get; init; }
    public required JsonObject Spec { get; init; }
    public required string ClusterName { get; init; }
    public required long Created { get; init; }
    public long Ready { get; set; }
    public long RunEnd { get; set; }
    public long Terminated { get; set; }
    public bool NeverReady { get; set; }
    public required EmulatorTimings Timings { get; init; }
    public bool LoseNode { get; init; }
    public bool DeliverLogs { get; init; }
    public EmulatedEventLog? EventLog { get; init; }
    public int LogStage { get; set; }
    public string TerminationCode { get; set; } = "JOB_FINISHED";
    public required long JobId { get; init; }
    public required long RunId { get; init; }

    public int? FixedWorkers => Spec["autoscale"] is null ? Spec["num_workers"]?.GetValue<int>() ?? 0 : null;

    public int MinWorkers => Spec["autoscale"]?["min_workers"]?.GetValue<int>() ?? FixedWorkers ?? 0;

    public int MaxWorkers => Spec["autoscale"]?["max_workers"]?.GetValue<int>() ?? FixedWorkers ?? 0;

    public long SparkContextId => EventLog?.SparkContextId ?? 1_000_000_000_000_000_001L + Created;

    public string DriverIp => EventLog?.DriverIp ?? "10.0.0.10";

    public List<JsonObject> Events(long now)
    {
        var events = new List<(long At, string Type, JsonObject Details)>
        {
            (Created, "CREATING", new JsonObject { ["user"] = "JobLauncher" }),
        };
        if (!NeverReady)
        {
            events.Add((Ready, "RUNNING", Workers(MinWorkers, MinWorkers)));
            if (Spec["autoscale"] is not null && MaxWorkers > MinWorkers && Ready + (long)Timings.UpsizeRequested.TotalMilliseconds < RunEnd)
            {
                events.Add((Ready + (long)Timings.UpsizeRequested.TotalMilliseconds, "RESIZING", Workers(MinWorkers, MaxWorkers, "AUTOSCALE")));
                if (Ready + (long)Timings.UpsizeCompleted.TotalMilliseconds < RunEnd)
                {
                    events.Add((Ready + (long)Timings.UpsizeCompleted.TotalMilliseconds, "UPSIZE_COMPLETED", Workers(MaxWorkers, MaxWorkers, "AUTOSCALE")));
                }
            }

            if (LoseNode && MaxWorkers > 0)
            {
                var at = Ready + ((RunEnd - Ready) * 3 / 4);
                var current = events.Where(e => e.At <= at && e.Details["current_num_workers"] is not null).Select(e => e.Details["current_num_workers"]!.GetValue<int>()).LastOrDefault();
                var lost = Workers(current - 1, current);
                lost["reason"] = Reason("SPOT_INSTANCE_TERMINATION", "CLOUD_FAILURE");
                events.Add((at, "NODES_LOST", lost));
            }
        }

        var terminationType = TerminationCode == "JOB_FINISHED" || TerminationCode == "USER_REQUEST" ? "SUCCESS" : "SERVICE_FAULT";
        events.Add((RunEnd, "TERMINATING", new JsonObject { ["reason"] = Reason(TerminationCode, terminationType) }));
        events.Add((Terminated, "TERMINATED", new JsonObject { ["reason"] = Reason(TerminationCode, terminationType) }));
        return events.Where(e => e.At <= now).OrderBy(e => e.At).Select(e => new JsonObject
        {
            ["cluster_id"] = ClusterId,
            ["timestamp"] = e.At,
            ["type"] = e.Type,
            ["details"] = e.Details,
        }).ToList();
    }

    public string State(long now) =>
        now >= Terminated ? "TERMINATED"
        : now >= RunEnd ? "TERMINATING"
        : now < Ready || NeverReady ? "PENDING"
        : Events(now).LastOrDefault(e => e["type"]!.GetValue<string>() is "RESIZING" or "UPSIZE_COMPLETED")?["type"]?.GetValue<string>() == "RESIZING" ? "RESIZING"
        : "RUNNING";

    public JsonObject ToJson(long now, string zoneId, string userName)
    {
        var json = (JsonObject)Spec.DeepClone();
        var state = State(now);
        var current = Events(now).Select(e => e["details"]?["current_num_workers"]?.GetValue<int>()).LastOrDefault(n => n is not null) ?? MinWorkers;
        json["cluster_id"] = ClusterId;
        json["cluster_name"] = ClusterName;
        json["driver_node_type_id"] ??= Spec["node_type_id"]?.DeepClone();
        var aws = json["aws_attributes"] as JsonObject ?? [];
        aws["zone_id"] ??= zoneId;
        aws["availability"] ??= "SPOT_WITH_FALLBACK";
        aws["first_on_demand"] ??= 1;
        aws["spot_bid_price_percent"] ??= 100;
        json["aws_attributes"] = aws;
        json["num_workers"] = current;
        json["creator_user_name"] = userName;
        json["cluster_source"] = "JOB";
        json["spark_context_id"] = SparkContextId;
        json["state"] = state;
        json["state_message"] = state switch
        {
            "PENDING" => "Starting Spark",
            "TERMINATING" => "Finding instances for new nodes, acquiring more instances if necessary",
            _ => "",
        };
        json["start_time"] = Created;
        json["default_tags"] = new JsonObject
        {
            ["Vendor"] = "Databricks",
            ["Creator"] = userName,
            ["ClusterName"] = ClusterName,
            ["ClusterId"] = ClusterId,
            ["JobId"] = JobId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RunName"] = ClusterName,
        };
        if (state is "RUNNING" or "RESIZING" or "TERMINATING")
        {
            json["driver"] = Node(DriverIp, Ready);
            json["executors"] = new JsonArray(Enumerable.Range(0, current).Select(i => (JsonNode)Node($"10.0.1.{i + 10}", Ready)).ToArray());
        }

        if (state is "TERMINATING" or "TERMINATED")
        {
            json["termination_reason"] = Reason(TerminationCode, TerminationCode is "JOB_FINISHED" or "USER_REQUEST" ? "SUCCESS" : "SERVICE_FAULT");
        }

        if (state == "TERMINATED")
        {
            json["terminated_time"] = Terminated;
            json["state_message"] = TerminationCode == "USER_REQUEST" ? "Run cancelled." : "Job finished.";
        }

        if (LogStage > 0)
        {
            json["cluster_log_status"] = new JsonObject { ["last_attempted"] = Terminated + (long)(Timings.LogDelivery.TotalMilliseconds * LogStage / 2) };
        }

        return json;
    }

    private static JsonObject Workers(int current, int target, string? cause = null)
    {
        var json = new JsonObject { ["current_num_workers"] = current, ["target_num_workers"] = target };
        if (cause is not null)
        {
            json["cause"] = cause;
        }

        return json;
    }

    private static JsonObject Reason(string code, string type) => new() { ["code"] = code, ["type"] = type, ["parameters"] = new JsonObject() };

    private static JsonObject Node(string ip, long start) => new()
    {
        ["private_ip"] = ip,
        ["node_id"] = Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(ip))).ToLowerInvariant(),
        ["instance_id"] = "i-0" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(ip)))[..16].ToLowerInvariant(),
        ["start_timestamp"] = start,
        ["node_aws_attributes"] = new JsonObject { ["is_spot"] = false },
    };
}
