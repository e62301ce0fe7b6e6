using System.Text.Json.Nodes;
using Sync.Engine.Clusters;

namespace Sync.Engine.Specs;

/// <summary>The platform-native configuration of a candidate: <see cref="EmrRunJobFlowSpec"/> on EMR, <see cref="DatabricksClusterSpec"/> on Databricks.</summary>
public static class PlatformSpec
{
    /// <summary>The platform-native request that starts <paramref name="candidate"/>, derived from <paramref name="observed"/>.</summary>
    /// <param name="observed">The observed run's report.</param>
    /// <param name="candidate">The candidate's report (workers and Spark settings changed).</param>
    /// <returns>A RunJobFlow request (EMR) or a Clusters API create spec (Databricks).</returns>
    public static JsonObject For(ClusterReport observed, ClusterReport candidate)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(candidate);
        var changes = ConfChanges(observed.SparkConf, candidate.SparkConf);
        return observed.Platform == "aws-databricks"
            ? DatabricksClusterSpec.For(observed, candidate, changes)
            : EmrRunJobFlowSpec.For(observed, candidate, changes);
    }

    private static IReadOnlyDictionary<string, string> ConfChanges(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after)
    {
        var changes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in after ?? new Dictionary<string, string>())
        {
            if (before is null || !before.TryGetValue(key, out var old) || old != value)
            {
                changes[key] = value;
            }
        }

        return changes;
    }
}
