using System.Text.Json.Nodes;

namespace Sync.AwsEmr.Specs;

/// <summary>
/// Turns a prediction's RunJobFlow request (a solution's platform configuration) into the next run's request: its
/// instances (groups or fleets, or the uniform <c>SlaveInstanceType</c>/<c>InstanceCount</c>) and its
/// <c>spark-defaults</c> settings are applied onto the basis run's saved request, everything else of the basis kept;
/// then the basis run's Sync tags and event-log directory are removed so that
/// <see cref="RunJobFlowPreparation.Prepare"/> gives the new run its own.
/// </summary>
internal static class PredictionSpec
{
    private static readonly string[] InstanceMembers = ["InstanceGroups", "InstanceFleets", "MasterInstanceType", "SlaveInstanceType", "InstanceCount"];

    /// <summary>The next run's request before preparation.</summary>
    /// <param name="basis">The basis run's saved request, or <see langword="null"/> when it was not found (the platform configuration is used alone).</param>
    /// <param name="platform">The solution's platform configuration.</param>
    /// <param name="projectRoot">The project's folder (<c>&lt;project location&gt;/&lt;project id&gt;</c>): an event-log directory inside it belongs to an earlier run.</param>
    public static JsonObject Apply(JsonObject? basis, JsonObject platform, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var spec = (JsonObject)(basis ?? platform).DeepClone();
        if (basis is not null)
        {
            var instances = spec["Instances"] as JsonObject ?? [];
            spec["Instances"] = instances;
            if (platform["Instances"] is JsonObject recommended && InstanceMembers.Any(recommended.ContainsKey))
            {
                foreach (var member in InstanceMembers)
                {
                    instances.Remove(member);
                    if (recommended[member] is { } value)
                    {
                        instances[member] = value.DeepClone();
                    }
                }
            }

            foreach (var (key, value) in SparkDefaults(platform) ?? [])
            {
                var properties = EnsureSparkDefaults(spec);
                properties[key] = value?.DeepClone();
            }
        }

        RemoveRunSpecifics(spec, projectRoot);
        return spec;
    }

    /// <summary>Removes the Sync tags and an event-log directory inside the project's folder.</summary>
    private static void RemoveRunSpecifics(JsonObject spec, string projectRoot)
    {
        if (spec["Tags"] is JsonArray tags)
        {
            foreach (var tag in tags.OfType<JsonObject>().Where(t => (string?)t["Key"] is RunJobFlowPreparation.ProjectTag or RunJobFlowPreparation.RunTag).ToList())
            {
                tags.Remove(tag);
            }
        }

        if (SparkDefaults(spec) is { } properties && (string?)properties["spark.eventLog.dir"] is { } dir
            && dir.StartsWith(projectRoot.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            properties.Remove("spark.eventLog.dir");
        }
    }

    private static JsonObject? SparkDefaults(JsonObject spec) =>
        (spec["Configurations"] as JsonArray)?.OfType<JsonObject>()
        .FirstOrDefault(c => (string?)c["Classification"] == "spark-defaults")?["Properties"] as JsonObject;

    private static JsonObject EnsureSparkDefaults(JsonObject spec)
    {
        if (SparkDefaults(spec) is { } existing)
        {
            return existing;
        }

        var configurations = spec["Configurations"] as JsonArray ?? [];
        spec["Configurations"] = configurations;
        var defaults = configurations.OfType<JsonObject>().FirstOrDefault(c => (string?)c["Classification"] == "spark-defaults");
        if (defaults is null)
        {
            defaults = new JsonObject { ["Classification"] = "spark-defaults" };
            configurations.Add(defaults);
        }

        var properties = new JsonObject();
        defaults["Properties"] = properties;
        return properties;
    }
}
