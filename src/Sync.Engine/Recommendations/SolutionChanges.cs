using System.Globalization;
using Sync.Engine.Applications;
using Sync.Engine.Clusters;
using Sync.Engine.Simulation;

namespace Sync.Engine.Recommendations;

/// <summary>
/// What a candidate changes against the observed run: the Spark settings that follow its executor layout and cores, and
/// a list of changes for people. Settings the user did not set stay unset when the layout keeps them; when cores or
/// memory per executor change, <c>spark.executor.cores</c> and <c>spark.executor.memory</c> are set, the memory scaled
/// from the observed setting by the node memory each executor gets; partition settings sized to the observed cluster
/// follow the candidate's cores (<see cref="PartitionScaling"/>), on Databricks too.
/// </summary>
internal static class SolutionChanges
{
    public static IReadOnlyDictionary<string, string> SparkConf(
        SparkApplication app, ClusterReport report, ExecutorLayout observed, ExecutorLayout candidate, ClusterShape observedShape, ClusterShape candidateShape)
    {
        var changes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (candidateShape.DefaultParallelism is { } parallelism && parallelism != observedShape.DefaultParallelism)
        {
            changes["spark.default.parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
        }

        if (candidateShape.ShufflePartitions is { } partitions && partitions != observedShape.ShufflePartitions)
        {
            changes["spark.sql.shuffle.partitions"] = partitions.ToString(CultureInfo.InvariantCulture);
        }

        if (report.Platform == "aws-databricks")
        {
            // Databricks sizes its single executor per worker from the node type itself.
            return changes;
        }

        if (candidate.CoresPerExecutor != observed.CoresPerExecutor)
        {
            changes["spark.executor.cores"] = candidate.CoresPerExecutor.ToString(CultureInfo.InvariantCulture);
        }

        if (Math.Abs(candidate.NodeMemoryMiBPerExecutor - observed.NodeMemoryMiBPerExecutor) > 0.5
            && SparkMemory.TryParseMiB(Setting(app, report, "spark.executor.memory"), out var memory))
        {
            changes["spark.executor.memory"] = SparkMemory.FormatMiB(memory * candidate.NodeMemoryMiBPerExecutor / observed.NodeMemoryMiBPerExecutor);
        }

        return changes;
    }

    public static IReadOnlyList<string> Describe(
        NodeGroup observedWorkers, int observedNodes, string type, int nodes, IReadOnlyDictionary<string, string>? observedConf, IReadOnlyDictionary<string, string> conf)
    {
        var list = new List<string>();
        if (type != observedWorkers.InstanceType || nodes != observedNodes)
        {
            list.Add($"workers: {observedNodes} x {observedWorkers.InstanceType} → {nodes} x {type}");
        }

        foreach (var (key, value) in conf)
        {
            var before = observedConf is not null && observedConf.TryGetValue(key, out var v) ? v : "(unset)";
            list.Add($"{key}: {before} → {value}");
        }

        return list;
    }

    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string>? conf, IReadOnlyDictionary<string, string> changes)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in conf ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string? Setting(SparkApplication app, ClusterReport report, string key) =>
        report.SparkConf is not null && report.SparkConf.TryGetValue(key, out var value) ? value
        : app.SparkProperties.TryGetValue(key, out var logged) ? logged
        : null;
}
