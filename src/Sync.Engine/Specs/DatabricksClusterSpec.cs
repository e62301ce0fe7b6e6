using System.Text.Json.Nodes;
using Sync.Engine.Clusters;

namespace Sync.Engine.Specs;

/// <summary>
/// Writes a configuration as a Databricks Clusters API create spec: a copy of the observed spec
/// (<see cref="ClusterReport.Spec"/>) with <c>node_type_id</c>, the worker count and the changed Spark settings applied,
/// everything else (driver type, tags, init scripts, log delivery, AWS attributes) kept; or, without an observed spec,
/// a minimal one from the report.
/// </summary>
/// <remarks>
/// The prediction is for a fixed worker count, so an observed <c>autoscale</c> range is replaced by <c>num_workers</c>.
/// A driver that ran on the worker type (no <c>driver_node_type_id</c>) is pinned to the observed type, so that only the
/// workers change.
/// </remarks>
public static class DatabricksClusterSpec
{
    /// <summary>The cluster spec for <paramref name="candidate"/>, derived from <paramref name="observed"/>.</summary>
    /// <param name="observed">The observed run's report (its <see cref="ClusterReport.Spec"/> is the base when present).</param>
    /// <param name="candidate">The candidate configuration's report.</param>
    /// <param name="confChanges">Spark settings that differ from the observed run.</param>
    /// <returns>The spec, as JSON in the shape of the Databricks REST reference.</returns>
    public static JsonObject For(ClusterReport observed, ClusterReport candidate, IReadOnlyDictionary<string, string> confChanges)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(candidate);
        var spec = observed.Spec?.DeepClone().AsObject() ?? Minimal(observed);
        var workers = candidate.Nodes[^1];
        var observedWorkerType = observed.Nodes[^1].InstanceType;
        if (spec["driver_node_type_id"] is null && spec["instance_pool_id"] is null)
        {
            spec["driver_node_type_id"] = observed.Nodes.FirstOrDefault(n => n.Role == "driver")?.InstanceType ?? observedWorkerType;
        }

        spec["node_type_id"] = workers.InstanceType;
        spec.Remove("autoscale");
        spec["num_workers"] = workers.Count;
        if (confChanges.Count > 0)
        {
            var conf = spec["spark_conf"] as JsonObject;
            if (conf is null)
            {
                spec["spark_conf"] = conf = [];
            }

            foreach (var (key, value) in confChanges)
            {
                conf[key] = value;
            }
        }

        return spec;
    }

    private static JsonObject Minimal(ClusterReport report)
    {
        var spec = new JsonObject { ["cluster_name"] = "sync-recommended" };
        if (report.RuntimeVersion is { } runtime)
        {
            spec["spark_version"] = runtime;
        }

        if (report.Nodes.FirstOrDefault(n => n.Role == "driver") is { } driver)
        {
            spec["driver_node_type_id"] = driver.InstanceType;
        }

        if (report.Photon)
        {
            spec["runtime_engine"] = "PHOTON";
        }

        return spec;
    }
}
