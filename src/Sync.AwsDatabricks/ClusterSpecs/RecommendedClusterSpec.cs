using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;

namespace Sync.AwsDatabricks.ClusterSpecs;

/// <summary>
/// Applies a prediction's recommended configuration (a solution's <c>PlatformConfigurationJson</c>, a clusters create
/// spec) onto the spec of the run it was predicted from: the worker node type, the size (<c>num_workers</c> or an
/// <c>autoscale</c> range), the driver node type when the recommendation names one, and the Spark settings it sets.
/// Everything else of the basis spec (runtime, AWS attributes, init scripts, the user's own tags and log delivery) is
/// kept. Sync's own tags are removed: <see cref="ClusterSpecPreparation"/> sets them again for the new run.
/// </summary>
public static class RecommendedClusterSpec
{
    /// <summary>Applies <paramref name="recommendedJson"/> onto <paramref name="basis"/> (not changed).</summary>
    /// <param name="basis">The basis run's cluster spec.</param>
    /// <param name="recommendedJson">The recommended spec as JSON.</param>
    /// <returns>The new spec, or an <see cref="SyncErrorKind.InvalidInput"/> error when the recommendation is not a usable spec.</returns>
    public static Response<JsonObject> Apply(JsonObject basis, string recommendedJson)
    {
        ArgumentNullException.ThrowIfNull(basis);
        JsonObject? recommended;
        try
        {
            recommended = JsonNode.Parse(recommendedJson) as JsonObject;
        }
        catch (JsonException)
        {
            recommended = null;
        }

        if (recommended?["node_type_id"] is null || (recommended["num_workers"] is null && recommended["autoscale"] is null))
        {
            return Response.FromError<JsonObject>(new SyncError(SyncErrorKind.InvalidInput,
                "The prediction's configuration is not a Databricks cluster spec with node_type_id and num_workers or autoscale.",
                "Was the prediction made from a Databricks run (product aws-databricks)?", "not-a-cluster-spec"));
        }

        var spec = WithoutSyncTags(basis);
        spec["node_type_id"] = recommended["node_type_id"]!.DeepClone();
        if (recommended["driver_node_type_id"] is { } driver && spec["instance_pool_id"] is null)
        {
            spec["driver_node_type_id"] = driver.DeepClone();
        }

        if (recommended["autoscale"] is { } autoscale)
        {
            spec.Remove("num_workers");
            spec["autoscale"] = autoscale.DeepClone();
        }
        else
        {
            spec.Remove("autoscale");
            spec["num_workers"] = recommended["num_workers"]!.DeepClone();
        }

        if (recommended["spark_conf"] is JsonObject conf && conf.Count > 0)
        {
            var target = spec["spark_conf"] as JsonObject ?? [];
            foreach (var (key, value) in conf)
            {
                target[key] = value?.DeepClone();
            }

            spec["spark_conf"] = target;
        }

        return Response.FromValue(spec);
    }

    /// <summary>
    /// The user's part of a submitted spec: a copy without Sync's <c>sync:</c> tags and without the
    /// <c>cluster_log_conf</c> Sync added (the one pointing at <paramref name="syncDestination"/>).
    /// </summary>
    /// <param name="submitted">The spec as submitted (or read back from the cluster).</param>
    /// <param name="syncDestination">The log destination Sync set, if known.</param>
    /// <returns>The spec.</returns>
    public static JsonObject UserSpec(JsonObject submitted, string? syncDestination)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var spec = WithoutSyncTags(submitted);
        if (syncDestination is not null && ClusterSpecPreparation.UserLogDestination(spec) is { } own
            && string.Equals(own.Uri.TrimEnd('/'), syncDestination.TrimEnd('/'), StringComparison.Ordinal))
        {
            spec.Remove("cluster_log_conf");
        }

        return spec;
    }

    private static JsonObject WithoutSyncTags(JsonObject source)
    {
        var spec = (JsonObject)source.DeepClone();
        if (spec["custom_tags"] is JsonObject tags)
        {
            foreach (var key in tags.Select(t => t.Key).Where(k => k.StartsWith("sync:", StringComparison.Ordinal)).ToList())
            {
                tags.Remove(key);
            }

            if (tags.Count == 0)
            {
                spec.Remove("custom_tags");
            }
        }

        return spec;
    }
}
