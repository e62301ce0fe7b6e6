using System.Text.Json.Nodes;
using Sync.Engine.Clusters;

namespace Sync.Engine.Specs;

/// <summary>
/// Writes a configuration as an EMR <c>RunJobFlow</c> request: a copy of the observed request (<see cref="ClusterReport.Spec"/>)
/// with the worker instance type and count and the changed Spark settings applied, everything else kept; or, without an
/// observed request, a minimal one built from the report (name, release label, instance groups, spark-defaults).
/// </summary>
/// <remarks>
/// Workers become one CORE group (or fleet) of the candidate type: TASK groups and fleets are removed, since the
/// prediction sizes all workers together. Instance fleets get one instance type config of weighted capacity 1,
/// keeping the observed config's EBS settings and bid price, and the observed split of target capacity between on-demand and spot.
/// </remarks>
public static class EmrRunJobFlowSpec
{
    /// <summary>The RunJobFlow request for <paramref name="candidate"/>, derived from <paramref name="observed"/>.</summary>
    /// <param name="observed">The observed run's report (its <see cref="ClusterReport.Spec"/> is the base when present).</param>
    /// <param name="candidate">The candidate configuration's report.</param>
    /// <param name="confChanges">Spark settings that differ from the observed run.</param>
    /// <returns>The request, as JSON in the shape of the EMR API reference.</returns>
    public static JsonObject For(ClusterReport observed, ClusterReport candidate, IReadOnlyDictionary<string, string> confChanges)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(candidate);
        var spec = observed.Spec?.DeepClone().AsObject() ?? Minimal(observed);
        var workers = candidate.Nodes[^1];
        var instances = spec["Instances"] as JsonObject ?? new JsonObject();
        spec["Instances"] = instances;
        if (instances["InstanceGroups"] is JsonArray groups)
        {
            ApplyToGroups(groups, workers);
        }
        else if (instances["InstanceFleets"] is JsonArray fleets)
        {
            ApplyToFleets(fleets, workers);
        }
        else
        {
            instances["SlaveInstanceType"] = workers.InstanceType;
            instances["InstanceCount"] = workers.Count + 1;
        }

        SparkDefaults.Merge(spec, confChanges);
        return spec;
    }

    private static void ApplyToGroups(JsonArray groups, NodeGroup workers)
    {
        var core = groups.OfType<JsonObject>().FirstOrDefault(g => Role(g) == "CORE");
        if (core is null)
        {
            core = new JsonObject { ["InstanceRole"] = "CORE", ["Market"] = workers.Market == "spot" ? "SPOT" : "ON_DEMAND" };
            groups.Add(core);
        }

        core["InstanceType"] = workers.InstanceType;
        core["InstanceCount"] = workers.Count;
        foreach (var task in groups.OfType<JsonObject>().Where(g => Role(g) == "TASK").ToList())
        {
            groups.Remove(task);
        }
    }

    private static void ApplyToFleets(JsonArray fleets, NodeGroup workers)
    {
        var core = fleets.OfType<JsonObject>().FirstOrDefault(f => Role(f) == "CORE");
        if (core is null)
        {
            core = new JsonObject { ["InstanceFleetType"] = "CORE" };
            fleets.Add(core);
        }

        var template = (core["InstanceTypeConfigs"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var config = new JsonObject { ["InstanceType"] = workers.InstanceType, ["WeightedCapacity"] = 1 };
        foreach (var key in new[] { "EbsConfiguration", "BidPrice", "BidPriceAsPercentageOfOnDemandPrice", "Configurations" })
        {
            if (template?[key] is { } value)
            {
                config[key] = value.DeepClone();
            }
        }

        core["InstanceTypeConfigs"] = new JsonArray(config);
        // Keep the observed split between markets (all on-demand when none was given).
        var onDemand = core["TargetOnDemandCapacity"]?.GetValue<int>() ?? 0;
        var spot = core["TargetSpotCapacity"]?.GetValue<int>() ?? 0;
        var onDemandShare = onDemand + spot == 0 ? 1.0 : onDemand / (double)(onDemand + spot);
        var newOnDemand = (int)Math.Round(workers.Count * onDemandShare);
        core["TargetOnDemandCapacity"] = newOnDemand;
        core["TargetSpotCapacity"] = workers.Count - newOnDemand;
        foreach (var task in fleets.OfType<JsonObject>().Where(f => Role(f) == "TASK").ToList())
        {
            fleets.Remove(task);
        }
    }

    private static string? Role(JsonObject group) =>
        (group["InstanceRole"] ?? group["InstanceFleetType"])?.GetValue<string>()?.ToUpperInvariant();

    private static JsonObject Minimal(ClusterReport report)
    {
        var groups = new JsonArray();
        foreach (var group in report.Nodes.Where(n => n.Role == "master"))
        {
            groups.Add(new JsonObject
            {
                ["Name"] = "Primary",
                ["InstanceRole"] = "MASTER",
                ["Market"] = group.Market == "spot" ? "SPOT" : "ON_DEMAND",
                ["InstanceType"] = group.InstanceType,
                ["InstanceCount"] = group.Count,
            });
        }

        groups.Add(new JsonObject { ["Name"] = "Core", ["InstanceRole"] = "CORE", ["Market"] = report.Nodes[^1].Market == "spot" ? "SPOT" : "ON_DEMAND" });
        var spec = new JsonObject
        {
            ["Name"] = "sync-recommended",
            ["Applications"] = new JsonArray(new JsonObject { ["Name"] = "Spark" }),
            ["Instances"] = new JsonObject { ["InstanceGroups"] = groups, ["KeepJobFlowAliveWhenNoSteps"] = false },
            ["JobFlowRole"] = "EMR_EC2_DefaultRole",
            ["ServiceRole"] = "EMR_DefaultRole",
        };
        if (report.RuntimeVersion is { } release)
        {
            spec["ReleaseLabel"] = release;
        }

        return spec;
    }
}
