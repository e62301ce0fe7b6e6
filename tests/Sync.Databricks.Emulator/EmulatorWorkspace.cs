using System.Globalization;
using System.Text.Json.Nodes;

namespace Sync.Databricks.Emulator;

/// <summary>
/// The state of an emulated workspace (job clusters, one-time runs, DBFS) and the REST operations on it. Lifecycles are
/// schedules read against <see cref="EmulatorOptions.Clock"/>; event logs are written to DBFS when their delivery time
/// has passed, checked at every request.
/// </summary>
public sealed class EmulatorWorkspace
{
    private static readonly string[] TaskKinds = ["spark_python_task", "spark_jar_task", "notebook_task", "spark_submit_task", "python_wheel_task"];
    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatedCluster> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<long, EmulatedRun> _runs = [];
    private readonly Dictionary<string, EmulatedRun> _byIdempotencyToken = new(StringComparer.Ordinal);
    private readonly List<EmulatedEventLog> _eventLogs;
    private readonly JsonObject _nodeTypes;
    private readonly Dictionary<long, (string Path, MemoryStream Content)> _handles = [];
    private readonly List<JsonObject> _submissions = [];
    private long _nextHandle = 7_000_000;
    private long _nextRunId = 480_000_000;
    private long _nextJobId = 910_000_000_000;
    private int _clusterSequence;

    internal EmulatorWorkspace(EmulatorOptions options)
    {
        Options = options;
        _eventLogs = options.EventLogs.Select(EmulatedEventLog.Load).ToList();
        using var stream = typeof(EmulatorWorkspace).Assembly.GetManifestResourceStream("Sync.Databricks.Emulator.node-types.json")!;
        _nodeTypes = JsonNode.Parse(stream)!.AsObject();
        if (options.NodeTypeCatalog is { } catalog)
        {
            AddCatalogNodeTypes(catalog);
        }
    }

    /// <summary>The options the workspace was started with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Faults to inject.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>The workspace's DBFS.</summary>
    public Dbfs Dbfs { get; } = new();

    /// <summary>The workspace URL, set once the listener is bound.</summary>
    public string Host { get; internal set; } = "";

    private long Now => Options.Clock.NowMs;

    /// <summary>The ids of the clusters created so far.</summary>
    public IReadOnlyList<string> ClusterIds
    {
        get
        {
            lock (_gate)
            {
                return _clusters.Keys.ToList();
            }
        }
    }

    /// <summary>The <c>new_cluster</c> a run was submitted with, as stored (for assertions).</summary>
    /// <param name="runId">The run id returned by submit.</param>
    public JsonObject? SubmittedCluster(long runId)
    {
        lock (_gate)
        {
            return _runs.TryGetValue(runId, out var run) ? (JsonObject)run.Cluster.Spec.DeepClone() : null;
        }
    }

    /// <summary>The whole <c>jobs/runs/submit</c> requests answered so far (idempotent repeats included), oldest first.</summary>
    public IReadOnlyList<JsonObject> Submissions
    {
        get
        {
            lock (_gate)
            {
                return _submissions.Select(s => (JsonObject)s.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Writes any event log whose delivery time has passed (called before every request).</summary>
    public void Deliver()
    {
        lock (_gate)
        {
            var now = Now;
            foreach (var cluster in _clusters.Values.Where(c => c.DeliverLogs && c.EventLog is not null && c.LogStage < 2))
            {
                var half = cluster.Terminated + ((long)cluster.Timings.LogDelivery.TotalMilliseconds / 2);
                var full = cluster.Terminated + (long)cluster.Timings.LogDelivery.TotalMilliseconds;
                var conf = cluster.Spec["cluster_log_conf"]!;
                var destination = conf["dbfs"]?["destination"]?.GetValue<string>() is { } dbfs
                    ? Dbfs.Normalize(dbfs)
                    : conf["s3"]!["destination"]!.GetValue<string>().TrimEnd('/');
                var folder = $"{destination}/{cluster.ClusterId}/eventlog/{cluster.ClusterId}_{cluster.DriverIp.Replace('.', '_')}/{cluster.SparkContextId}";
                var parts = cluster.EventLog!.Parts(Options.EventLogParts);
                if (now >= half && cluster.LogStage < 1)
                {
                    foreach (var (name, content) in parts.Where(p => p.Name != "eventlog"))
                    {
                        WriteLog($"{folder}/{name}", content, half);
                    }

                    WriteLog($"{destination}/{cluster.ClusterId}/driver/stdout", "Spark driver output (emulated)\n"u8.ToArray(), half);
                    cluster.LogStage = 1;
                }

                if (now >= full)
                {
                    WriteLog($"{folder}/eventlog", parts.Single(p => p.Name == "eventlog").Content, full);
                    cluster.LogStage = 2;
                }
            }
        }
    }

    private void WriteLog(string path, byte[] content, long modified)
    {
        if (path.StartsWith("s3://", StringComparison.Ordinal))
        {
            Options.S3Delivery!(path, content).GetAwaiter().GetResult();
        }
        else
        {
            Dbfs.Write(path, content, modified);
        }
    }

    internal ApiResult GetCluster(string? clusterId)
    {
        if (string.IsNullOrEmpty(clusterId))
        {
            return ApiResult.InvalidParameter("Missing required field: cluster_id");
        }

        lock (_gate)
        {
            return _clusters.TryGetValue(clusterId, out var cluster)
                ? ApiResult.Ok(cluster.ToJson(Now, Options.ZoneId, Options.UserName))
                : ApiResult.InvalidParameter($"Cluster {clusterId} does not exist");
        }
    }

    internal ApiResult ClusterEvents(JsonObject? request)
    {
        var clusterId = request?["cluster_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(clusterId))
        {
            return ApiResult.InvalidParameter("Missing required field: cluster_id");
        }

        var order = request!["order"]?.GetValue<string>() ?? "DESC";
        var offset = request["offset"]?.GetValue<long>() ?? 0;
        var limit = request["limit"]?.GetValue<long>() ?? 50;
        var start = request["start_time"]?.GetValue<long>();
        var end = request["end_time"]?.GetValue<long>();
        if (order is not ("ASC" or "DESC"))
        {
            return ApiResult.InvalidParameter($"order must be ASC or DESC, not {order}");
        }

        if (limit is < 1 or > 500)
        {
            return ApiResult.InvalidParameter($"limit must be between 1 and 500, not {limit}");
        }

        if (offset < 0)
        {
            return ApiResult.InvalidParameter("offset must be non-negative");
        }

        if (offset > 0 && order == "DESC" && end is null)
        {
            return ApiResult.InvalidParameter("end_time is required when offset is set and order is DESC");
        }

        var types = (request["event_types"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToHashSet();
        lock (_gate)
        {
            if (!_clusters.TryGetValue(clusterId, out var cluster))
            {
                return ApiResult.InvalidParameter($"Cluster {clusterId} does not exist");
            }

            var now = Now;
            var all = cluster.Events(now)
                .Where(e => (start is null || e["timestamp"]!.GetValue<long>() >= start) && (end is null || e["timestamp"]!.GetValue<long>() <= end))
                .Where(e => types is null || types.Contains(e["type"]!.GetValue<string>()))
                .ToList();
            if (order == "DESC")
            {
                all.Reverse();
            }

            var page = all.Skip((int)offset).Take((int)limit).ToList();
            var response = new JsonObject { ["events"] = new JsonArray(page.Select(e => (JsonNode)e).ToArray()), ["total_count"] = all.Count };
            if (offset + limit < all.Count)
            {
                var next = (JsonObject)request.DeepClone();
                next["offset"] = offset + limit;
                next["limit"] = limit;
                next["end_time"] = end ?? now;
                response["next_page"] = next;
            }

            return ApiResult.Ok(response);
        }
    }

    internal ApiResult ListNodeTypes() => ApiResult.Ok(_nodeTypes.DeepClone());

    internal ApiResult SubmitRun(JsonObject? request)
    {
        if (request is null)
        {
            return ApiResult.Error(400, "MALFORMED_REQUEST", "Invalid JSON given in the body of the request - expected a map");
        }

        var token = request["idempotency_token"]?.GetValue<string>();
        lock (_gate)
        {
            _submissions.Add((JsonObject)request.DeepClone());
            if (token is not null && _byIdempotencyToken.TryGetValue(token, out var existing))
            {
                return ApiResult.Ok(new JsonObject { ["run_id"] = existing.RunId });
            }
        }

        if (request["tasks"] is not JsonArray { Count: > 0 } tasks)
        {
            return ApiResult.InvalidParameter("At least one task is required (tasks is missing or empty).");
        }

        if (tasks.Count > 1)
        {
            return ApiResult.InvalidParameter("The emulator runs one task per submitted run; got " + tasks.Count + ".");
        }

        if (tasks[0] is not JsonObject task || task["task_key"]?.GetValue<string>() is not { Length: > 0 } taskKey)
        {
            return ApiResult.InvalidParameter("Missing required field: tasks[0].task_key");
        }

        if (task["existing_cluster_id"] is not null)
        {
            return ApiResult.InvalidParameter("existing_cluster_id is not supported by the emulator; use new_cluster.");
        }

        if (task["new_cluster"] is not JsonObject newCluster)
        {
            return ApiResult.InvalidParameter("Either new_cluster or existing_cluster_id must be specified.");
        }

        if (!TaskKinds.Any(k => task[k] is JsonObject))
        {
            return ApiResult.InvalidParameter($"One of {string.Join(", ", TaskKinds)} must be specified.");
        }

        if (ValidateCluster(newCluster) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var now = Now;
            var t = Options.Timings;
            var workerType = newCluster["node_type_id"]?.GetValue<string>();
            var log = _eventLogs.FirstOrDefault(l => l.WorkerNodeType == workerType) ?? _eventLogs.FirstOrDefault();
            var runId = _nextRunId;
            _nextRunId += 2;
            var jobId = _nextJobId++;
            var stamp = Options.Clock.Now;
            var clusterId = $"{stamp:MMdd}-{stamp:HHmmss}-{(uint)(runId * 2654435761L):x8}";
            var ready = now + (long)t.ClusterStart.TotalMilliseconds;
            var runEnd = ready + (long)t.Execution.TotalMilliseconds;
            var cluster = new EmulatedCluster
            {
                ClusterId = clusterId,
                ClusterName = $"job-{jobId}-run-{runId + 1}",
                Spec = (JsonObject)newCluster.DeepClone(),
                Created = now,
                Ready = ready,
                RunEnd = runEnd,
                Terminated = runEnd + (long)t.Terminating.TotalMilliseconds,
                Timings = t,
                LoseNode = Faults.LoseNodeDuringRuns,
                DeliverLogs = !Faults.NeverDeliverLogs && (newCluster["cluster_log_conf"]?["dbfs"]?["destination"] is not null
                    || (Options.S3Delivery is not null && newCluster["cluster_log_conf"]?["s3"]?["destination"] is not null)),
                EventLog = log,
                JobId = jobId,
                RunId = runId,
            };
            _clusterSequence++;
            var run = new EmulatedRun
            {
                RunId = runId,
                TaskRunId = runId + 1,
                JobId = jobId,
                RunName = request["run_name"]?.GetValue<string>() ?? "Untitled",
                Task = (JsonObject)task.DeepClone(),
                Cluster = cluster,
                FailMessage = Faults.FailRunsWith,
            };
            _clusters[clusterId] = cluster;
            _runs[runId] = run;
            _runs[runId + 1] = run;
            if (token is not null)
            {
                _byIdempotencyToken[token] = run;
            }

            return ApiResult.Ok(new JsonObject { ["run_id"] = runId });
        }
    }

    internal ApiResult GetRun(string? runIdText)
    {
        if (!TryRun(runIdText, out var runId, out var run, out var error))
        {
            return error!;
        }

        lock (_gate)
        {
            return ApiResult.Ok(runId == run!.RunId
                ? run.ToJson(Now, Host, Options.UserName)
                : TaskRunAsRun(run));
        }
    }

    internal ApiResult GetRunOutput(string? runIdText)
    {
        if (!TryRun(runIdText, out var runId, out var run, out var error))
        {
            return error!;
        }

        if (runId == run!.RunId)
        {
            return ApiResult.InvalidParameter(
                "Retrieving the output of runs with multiple tasks is not supported. Please retrieve the output of each individual task run instead.");
        }

        lock (_gate)
        {
            var state = run.State(Now);
            var output = new JsonObject { ["metadata"] = TaskRunAsRun(run) };
            if (state["result_state"]?.GetValue<string>() == "FAILED")
            {
                output["error"] = run.FailMessage;
                output["error_trace"] = "Traceback (most recent call last):\n  (emulated)\n" + run.FailMessage;
            }

            if (run.Task["spark_python_task"] is not null || run.Task["spark_submit_task"] is not null)
            {
                output["logs"] = "";
                output["logs_truncated"] = false;
            }

            if (run.Task["notebook_task"] is not null && state["result_state"]?.GetValue<string>() == "SUCCESS")
            {
                output["notebook_output"] = new JsonObject { ["truncated"] = false };
            }

            return ApiResult.Ok(output);
        }
    }

    internal ApiResult CancelRun(JsonObject? request)
    {
        var idNode = request?["run_id"];
        if (idNode is null)
        {
            return ApiResult.InvalidParameter("Missing required field: run_id");
        }

        if (!TryRun(idNode.ToString(), out _, out var run, out var error))
        {
            return error!;
        }

        lock (_gate)
        {
            var now = Now;
            var c = run!.Cluster;
            if (now < c.RunEnd)
            {
                run.Cancelled = true;
                c.NeverReady = now < c.Ready;
                c.RunEnd = now;
                c.Terminated = now + (long)c.Timings.Terminating.TotalMilliseconds;
                c.TerminationCode = "USER_REQUEST";
            }

            return ApiResult.Ok(new JsonObject());
        }
    }

    internal ApiResult DbfsList(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return ApiResult.InvalidParameter("Missing required field: path");
        }

        var status = Dbfs.Status(path);
        if (!status.Exists)
        {
            return ApiResult.DoesNotExist($"No file or directory exists on path {Dbfs.Normalize(path)}.");
        }

        var entries = status.IsDir ? Dbfs.List(path) : [(Dbfs.Normalize(path), false, status.Size, status.Modified)];
        return ApiResult.Ok(new JsonObject
        {
            ["files"] = new JsonArray(entries.Select(e => (JsonNode)FileInfo(e.Path, e.IsDir, e.Size, e.Modified)).ToArray()),
        });
    }

    internal ApiResult DbfsGetStatus(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return ApiResult.InvalidParameter("Missing required field: path");
        }

        var status = Dbfs.Status(path);
        return status.Exists
            ? ApiResult.Ok(FileInfo(Dbfs.Normalize(path), status.IsDir, status.Size, status.Modified))
            : ApiResult.DoesNotExist($"No file or directory exists on path {Dbfs.Normalize(path)}.");
    }

    internal ApiResult DbfsRead(string? path, string? offsetText, string? lengthText)
    {
        if (string.IsNullOrEmpty(path))
        {
            return ApiResult.InvalidParameter("Missing required field: path");
        }

        if (!long.TryParse(offsetText ?? "0", CultureInfo.InvariantCulture, out var offset) || offset < 0)
        {
            return ApiResult.InvalidParameter($"Cannot read with a negative or malformed offset: {offsetText}");
        }

        if (!long.TryParse(lengthText ?? "524288", CultureInfo.InvariantCulture, out var length) || length < 0)
        {
            return ApiResult.InvalidParameter($"Cannot read with a negative or malformed length: {lengthText}");
        }

        if (length > 1024 * 1024)
        {
            return ApiResult.Error(400, "MAX_READ_SIZE_EXCEEDED", $"Cannot read more than 1.0 MiB at once; requested {length} bytes.");
        }

        var status = Dbfs.Status(path);
        if (!status.Exists)
        {
            return ApiResult.DoesNotExist($"No file or directory exists on path {Dbfs.Normalize(path)}.");
        }

        if (status.IsDir)
        {
            return ApiResult.InvalidParameter($"Cannot read a directory: {Dbfs.Normalize(path)}");
        }

        var content = Dbfs.Read(path)!;
        var start = (int)Math.Min(offset, content.Length);
        var count = (int)Math.Min(length, content.Length - start);
        return ApiResult.Ok(new JsonObject { ["bytes_read"] = count, ["data"] = Convert.ToBase64String(content, start, count) });
    }

    internal ApiResult DbfsCreate(JsonObject? request)
    {
        if (request?["path"]?.GetValue<string>() is not { Length: > 0 } path)
        {
            return ApiResult.InvalidParameter("Missing required field: path");
        }

        var overwrite = request["overwrite"]?.GetValue<bool>() ?? false;
        var status = Dbfs.Status(path);
        if (status.Exists && (status.IsDir || !overwrite))
        {
            return ApiResult.Error(400, "RESOURCE_ALREADY_EXISTS", $"A file or directory already exists at the input path {Dbfs.Normalize(path)}.");
        }

        lock (_gate)
        {
            var handle = _nextHandle++;
            _handles[handle] = (Dbfs.Normalize(path), new MemoryStream());
            return ApiResult.Ok(new JsonObject { ["handle"] = handle });
        }
    }

    internal ApiResult DbfsAddBlock(JsonObject? request)
    {
        var handle = request?["handle"]?.GetValue<long>();
        if (handle is null || request!["data"]?.GetValue<string>() is not { } data)
        {
            return ApiResult.InvalidParameter("Missing required field: " + (handle is null ? "handle" : "data"));
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            return ApiResult.InvalidParameter("data is not valid base64");
        }

        if (bytes.Length > 1024 * 1024)
        {
            return ApiResult.Error(400, "MAX_BLOCK_SIZE_EXCEEDED", "The block of data exceeds 1 MB.");
        }

        lock (_gate)
        {
            if (!_handles.TryGetValue(handle.Value, out var open))
            {
                return ApiResult.DoesNotExist($"The handle {handle} does not exist.");
            }

            open.Content.Write(bytes);
            return ApiResult.Ok(new JsonObject());
        }
    }

    internal ApiResult DbfsClose(JsonObject? request)
    {
        var handle = request?["handle"]?.GetValue<long>();
        if (handle is null)
        {
            return ApiResult.InvalidParameter("Missing required field: handle");
        }

        lock (_gate)
        {
            if (!_handles.Remove(handle.Value, out var open))
            {
                return ApiResult.DoesNotExist($"The handle {handle} does not exist.");
            }

            Dbfs.Write(open.Path, open.Content.ToArray(), Now);
            return ApiResult.Ok(new JsonObject());
        }
    }

    internal ApiResult ListRuns(string? limitText)
    {
        var limit = int.TryParse(limitText ?? "25", CultureInfo.InvariantCulture, out var l) ? l : -1;
        if (limit is < 1 or > 25)
        {
            return ApiResult.InvalidParameter($"limit must be between 1 and 25, not {limitText}");
        }

        lock (_gate)
        {
            var runs = _runs.Values.Distinct().OrderByDescending(r => r.RunId).Take(limit)
                .Select(r => (JsonNode)r.ToJson(Now, Host, Options.UserName)).ToArray();
            return ApiResult.Ok(new JsonObject { ["runs"] = new JsonArray(runs), ["has_more"] = _runs.Count / 2 > limit });
        }
    }

    private JsonObject TaskRunAsRun(EmulatedRun run)
    {
        var json = run.TaskJson(Now, Host);
        json["job_id"] = run.JobId;
        json["run_name"] = run.RunName;
        json["run_type"] = "SUBMIT_RUN";
        json["parent_run_id"] = run.RunId;
        return json;
    }

    private bool TryRun(string? text, out long runId, out EmulatedRun? run, out ApiResult? error)
    {
        run = null;
        error = null;
        if (!long.TryParse(text, CultureInfo.InvariantCulture, out runId))
        {
            error = text is null ? ApiResult.InvalidParameter("Missing required field: run_id") : ApiResult.InvalidParameter($"Invalid run_id: {text}");
            return false;
        }

        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out run))
            {
                error = ApiResult.InvalidParameter($"Run {runId} does not exist.");
                return false;
            }
        }

        return true;
    }

    private ApiResult? ValidateCluster(JsonObject spec)
    {
        if (spec["spark_version"]?.GetValue<string>() is not { Length: > 0 })
        {
            return ApiResult.InvalidParameter("Missing required field: spark_version");
        }

        var nodeType = spec["node_type_id"]?.GetValue<string>();
        if (nodeType is null && spec["instance_pool_id"] is null)
        {
            return ApiResult.InvalidParameter("Missing required field: node_type_id");
        }

        var known = _nodeTypes["node_types"]!.AsArray().Select(n => n!["node_type_id"]!.GetValue<string>()).ToHashSet();
        foreach (var type in new[] { nodeType, spec["driver_node_type_id"]?.GetValue<string>() }.OfType<string>())
        {
            if (!known.Contains(type))
            {
                return ApiResult.InvalidParameter($"Node type {type} is not supported. Supported node types: {string.Join(", ", known.Order())}");
            }
        }

        if (spec["autoscale"] is JsonObject autoscale)
        {
            var min = autoscale["min_workers"]?.GetValue<int>();
            var max = autoscale["max_workers"]?.GetValue<int>();
            if (min is null || max is null || min < 0 || max < min || max < 1)
            {
                return ApiResult.InvalidParameter("autoscale needs 0 <= min_workers <= max_workers and max_workers >= 1");
            }
        }
        else if (spec["num_workers"] is null)
        {
            return ApiResult.InvalidParameter("Missing required field: size");
        }
        else if (spec["num_workers"]!.GetValue<int>() < 0)
        {
            return ApiResult.InvalidParameter("num_workers must be non-negative");
        }

        return null;
    }

    private void AddCatalogNodeTypes(string catalogPath)
    {
        var list = _nodeTypes["node_types"]!.AsArray();
        var known = list.Select(n => n!["node_type_id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var catalog = JsonNode.Parse(File.ReadAllText(catalogPath))!;
        foreach (var instance in catalog["instances"]!.AsArray().OfType<JsonObject>())
        {
            var type = instance["type"]!.GetValue<string>();
            if (instance["databricksDbuPerHour"] is null || !known.Add(type))
            {
                continue;
            }

            list.Add(new JsonObject
            {
                ["node_type_id"] = type,
                ["memory_mb"] = instance["memoryMiB"]?.GetValue<long>() ?? 0,
                ["num_cores"] = instance["vcpu"]?.GetValue<double>() ?? 0,
                ["description"] = type,
                ["instance_type_id"] = type,
                ["is_deprecated"] = false,
                ["category"] = "General Purpose",
                ["support_ebs_volumes"] = true,
                ["support_cluster_tags"] = true,
                ["num_gpus"] = 0,
                ["node_instance_type"] = new JsonObject { ["instance_type_id"] = type },
                ["is_hidden"] = false,
                ["support_port_forwarding"] = true,
                ["display_order"] = 0,
                ["is_io_cache_enabled"] = instance["localNvme"]?.GetValue<bool>() ?? false,
            });
        }
    }

    private static JsonObject FileInfo(string path, bool isDir, long size, long modified) =>
        new() { ["path"] = path, ["is_dir"] = isDir, ["file_size"] = size, ["modification_time"] = modified };
}
