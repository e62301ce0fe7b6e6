using System.Text.Json.Nodes;

namespace Sync.Engine.Specs;

/// <summary>The <c>spark-defaults</c> classification of an EMR request's <c>Configurations</c>.</summary>
internal static class SparkDefaults
{
    /// <summary>Sets <paramref name="changes"/> in the request's spark-defaults classification, adding it when missing and keeping every other property.</summary>
    public static void Merge(JsonObject spec, IReadOnlyDictionary<string, string> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var configurations = spec["Configurations"] as JsonArray;
        if (configurations is null)
        {
            spec["Configurations"] = configurations = [];
        }

        var defaults = configurations.OfType<JsonObject>().FirstOrDefault(c => c["Classification"]?.GetValue<string>() == "spark-defaults");
        if (defaults is null)
        {
            defaults = new JsonObject { ["Classification"] = "spark-defaults" };
            configurations.Add(defaults);
        }

        var properties = defaults["Properties"] as JsonObject;
        if (properties is null)
        {
            defaults["Properties"] = properties = [];
        }

        foreach (var (key, value) in changes)
        {
            properties[key] = value;
        }
    }
}
