using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;

namespace Sync.AwsDatabricks.ClusterSpecs;

/// <summary>
/// Turns a Databricks clusters create spec (JSON as in the Clusters API) into the spec of a recorded run: adds the
/// <c>custom_tags</c> <see cref="ProjectIdTag"/> and <see cref="RunIdTag"/> (the user's tags are kept) and sets
/// <c>cluster_log_conf</c> to the project's log destination. A spec that already has a <c>cluster_log_conf</c> keeps it
/// (the user's logs keep going where they expect), and the result says that the event log will be read from there.
/// Every other member is copied as is. Pure: no I/O, the input is not changed.
/// </summary>
public static class ClusterSpecPreparation
{
    /// <summary>The tag naming the Sync project.</summary>
    public const string ProjectIdTag = "sync:project-id";

    /// <summary>The tag naming the Sync run.</summary>
    public const string RunIdTag = "sync:run-id";

    private static readonly string[] Availabilities = ["SPOT", "ON_DEMAND", "SPOT_WITH_FALLBACK"];
    private static readonly string[] EbsVolumeTypes = ["GENERAL_PURPOSE_SSD", "THROUGHPUT_OPTIMIZED_HDD"];
    private static readonly string[] RuntimeEngines = ["STANDARD", "PHOTON", "NULL"];
    private static readonly string[] LogKinds = ["dbfs", "s3", "volumes"];

    /// <summary>Prepares a spec given as JSON text.</summary>
    /// <param name="specJson">The clusters create spec.</param>
    /// <param name="projectId">The Sync project id.</param>
    /// <param name="runId">The Sync run id.</param>
    /// <param name="destination">The project's log destination.</param>
    /// <returns>The prepared spec, or an <see cref="SyncErrorKind.InvalidInput"/> error naming the fields at fault.</returns>
    public static Response<PreparedClusterSpec> Prepare(string specJson, string projectId, string runId, ClusterLogDestination destination)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(specJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return Response.FromError<PreparedClusterSpec>(new SyncError(SyncErrorKind.InvalidInput,
                $"The cluster spec is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).",
                "Pass a clusters create spec as a JSON object, as in the Databricks Clusters API.", "invalid-cluster-spec"));
        }

        return node is JsonObject spec
            ? Prepare(spec, projectId, runId, destination)
            : Response.FromError<PreparedClusterSpec>(new SyncError(SyncErrorKind.InvalidInput, "The cluster spec must be a JSON object.", null, "invalid-cluster-spec"));
    }

    /// <summary>Prepares a spec.</summary>
    /// <param name="spec">The clusters create spec (not changed).</param>
    /// <param name="projectId">The Sync project id.</param>
    /// <param name="runId">The Sync run id.</param>
    /// <param name="destination">The project's log destination.</param>
    /// <returns>The prepared spec with warnings, or an <see cref="SyncErrorKind.InvalidInput"/> error naming the fields at fault.</returns>
    public static Response<PreparedClusterSpec> Prepare(JsonObject spec, string projectId, string runId, ClusterLogDestination destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(destination);
        var problems = Validate(spec).ToList();
        if (string.IsNullOrWhiteSpace(projectId))
        {
            problems.Add(new ClusterSpecProblem("", "projectId is required"));
        }

        if (string.IsNullOrWhiteSpace(runId))
        {
            problems.Add(new ClusterSpecProblem("", "runId is required"));
        }

        if (!destination.IsDbfs && !destination.IsS3)
        {
            problems.Add(new ClusterSpecProblem("", $"the log destination '{destination.Uri}' must start with dbfs:/ or s3://"));
        }
        else if (destination.IsS3 && string.IsNullOrWhiteSpace(destination.Region))
        {
            problems.Add(new ClusterSpecProblem("", $"the S3 log destination '{destination.Uri}' needs its region"));
        }

        if (problems.Count > 0)
        {
            return Response.FromError<PreparedClusterSpec>(new SyncError(SyncErrorKind.InvalidInput,
                $"The cluster spec is not valid: {string.Join("; ", problems.Select(p => p.Message))}.",
                "Fix the named fields; the Databricks Clusters API reference lists each field.", "invalid-cluster-spec"));
        }

        var warnings = new List<SyncWarning>();
        var prepared = (JsonObject)spec.DeepClone();
        var tags = prepared["custom_tags"] as JsonObject ?? [];
        foreach (var (tag, value) in new[] { (ProjectIdTag, projectId), (RunIdTag, runId) })
        {
            if (tags[tag]?.GetValue<string>() is { } old && old != value)
            {
                warnings.Add(new SyncWarning("tag-replaced", $"custom_tags.{tag} was '{old}'; it is set to '{value}' for this run."));
            }

            tags[tag] = value;
        }

        prepared["custom_tags"] = tags;
        if (UserLogDestination(spec) is { } own)
        {
            if (!string.Equals(own.Uri.TrimEnd('/'), destination.Uri.TrimEnd('/'), StringComparison.Ordinal))
            {
                warnings.Add(new SyncWarning("own-log-destination",
                    $"The spec's cluster_log_conf is kept: logs (and the event log) go to {own.Uri}, not to the project location {destination.Uri}; Sync reads them from there."));
            }

            return Response.FromValue(new PreparedClusterSpec(prepared, own, true), warnings);
        }

        prepared["cluster_log_conf"] = destination.IsDbfs
            ? new JsonObject { ["dbfs"] = new JsonObject { ["destination"] = destination.Uri } }
            : new JsonObject { ["s3"] = new JsonObject { ["destination"] = destination.Uri, ["region"] = destination.Region } };
        return Response.FromValue(new PreparedClusterSpec(prepared, destination, false), warnings);
    }

    /// <summary>Checks a clusters create spec, naming each member at fault.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The problems; empty when the spec is usable.</returns>
    public static IReadOnlyList<ClusterSpecProblem> Validate(JsonObject spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var problems = new List<ClusterSpecProblem>();
        void Add(string field, string message) => problems.Add(new ClusterSpecProblem(field, message));

        if (spec["new_cluster"] is not null)
        {
            Add("new_cluster", "the spec holds new_cluster: pass the new_cluster object itself, not the job or task around it");
            return problems;
        }

        if (!IsNonEmptyString(spec["spark_version"]))
        {
            Add("spark_version", spec["spark_version"] is null ? "spark_version is required (e.g. \"13.3.x-scala2.12\")" : "spark_version must be a non-empty string");
        }

        var pool = spec["instance_pool_id"];
        if (spec["node_type_id"] is null && pool is null)
        {
            Add("node_type_id", "node_type_id is required unless instance_pool_id is set");
        }

        foreach (var name in new[] { "node_type_id", "driver_node_type_id", "instance_pool_id", "driver_instance_pool_id" })
        {
            if (spec[name] is { } value && !IsNonEmptyString(value))
            {
                Add(name, $"{name} must be a non-empty string");
            }
        }

        var autoscale = spec["autoscale"];
        if (spec["num_workers"] is { } workers)
        {
            if (Integer(workers) is not { } n)
            {
                Add("num_workers", $"num_workers must be an integer (got {workers.ToJsonString()})");
            }
            else if (n < 0)
            {
                Add("num_workers", $"num_workers must be ≥ 0 (got {n})");
            }
        }
        else if (autoscale is null)
        {
            Add("num_workers", "num_workers or autoscale is required");
        }

        if (autoscale is not null)
        {
            if (autoscale is not JsonObject range)
            {
                Add("autoscale", "autoscale must be an object with min_workers and max_workers");
            }
            else
            {
                var min = Integer(range["min_workers"]);
                var max = Integer(range["max_workers"]);
                if (min is null)
                {
                    Add("autoscale.min_workers", "autoscale.min_workers must be an integer");
                }
                else if (min < 0)
                {
                    Add("autoscale.min_workers", $"autoscale.min_workers must be ≥ 0 (got {min})");
                }

                if (max is null)
                {
                    Add("autoscale.max_workers", "autoscale.max_workers must be an integer");
                }
                else if (max < 1)
                {
                    Add("autoscale.max_workers", $"autoscale.max_workers must be ≥ 1 (got {max})");
                }
                else if (min is not null && max < min)
                {
                    Add("autoscale.max_workers", $"autoscale.max_workers ({max}) must be ≥ autoscale.min_workers ({min})");
                }
            }
        }

        foreach (var name in new[] { "custom_tags", "spark_conf", "spark_env_vars" })
        {
            if (spec[name] is null)
            {
                continue;
            }

            if (spec[name] is not JsonObject map)
            {
                Add(name, $"{name} must be an object of string values");
                continue;
            }

            foreach (var (key, value) in map)
            {
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    Add($"{name}.{key}", $"{name}.{key} must be a string (got {value?.ToJsonString() ?? "null"})");
                }
            }
        }

        if (spec["aws_attributes"] is { } aws)
        {
            if (aws is not JsonObject attributes)
            {
                Add("aws_attributes", "aws_attributes must be an object");
            }
            else
            {
                OneOf(attributes, "availability", "aws_attributes.availability", Availabilities, Add);
                OneOf(attributes, "ebs_volume_type", "aws_attributes.ebs_volume_type", EbsVolumeTypes, Add);
                foreach (var name in new[] { "first_on_demand", "ebs_volume_count", "ebs_volume_size", "spot_bid_price_percent" })
                {
                    if (attributes[name] is { } value && Integer(value) is not >= 0)
                    {
                        Add($"aws_attributes.{name}", $"aws_attributes.{name} must be an integer ≥ 0 (got {value.ToJsonString()})");
                    }
                }
            }
        }

        OneOf(spec, "runtime_engine", "runtime_engine", RuntimeEngines, Add);

        if (spec["cluster_log_conf"] is { } logConf)
        {
            var kinds = (logConf as JsonObject)?.Where(p => LogKinds.Contains(p.Key)).ToList() ?? [];
            if (logConf is not JsonObject || kinds.Count != 1)
            {
                Add("cluster_log_conf", "cluster_log_conf must hold exactly one of dbfs, s3 or volumes");
            }
            else if (!IsNonEmptyString(kinds[0].Value?["destination"]))
            {
                Add($"cluster_log_conf.{kinds[0].Key}.destination", $"cluster_log_conf.{kinds[0].Key}.destination must be a non-empty string");
            }
        }

        return problems;
    }

    /// <summary>The log destination a spec sets itself, if any.</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The destination, or <see langword="null"/>.</returns>
    public static ClusterLogDestination? UserLogDestination(JsonObject spec)
    {
        if (spec["cluster_log_conf"] is not JsonObject conf)
        {
            return null;
        }

        if (conf["dbfs"]?["destination"]?.GetValue<string>() is { } dbfs)
        {
            return ClusterLogDestination.Dbfs(dbfs);
        }

        if (conf["s3"]?["destination"]?.GetValue<string>() is { } s3)
        {
            return new ClusterLogDestination(s3, conf["s3"]?["region"]?.GetValue<string>());
        }

        return conf["volumes"]?["destination"]?.GetValue<string>() is { } volume ? new ClusterLogDestination(volume) : null;
    }

    private static void OneOf(JsonObject json, string name, string field, string[] allowed, Action<string, string> add)
    {
        if (json[name] is { } value && (!IsNonEmptyString(value) || !allowed.Contains(value.GetValue<string>())))
        {
            add(field, $"{field} must be one of {string.Join(", ", allowed)} (got {value.ToJsonString()})");
        }
    }

    private static bool IsNonEmptyString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetValue<string>());

    // A number given in C# (an int-backed JsonValue) or parsed from text: its JSON text is the integer.
    private static long? Integer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
