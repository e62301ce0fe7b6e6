using Sync.Engine.Simulation;

namespace Sync.Engine.Recommendations;

/// <summary>
/// Partition settings sized to the observed cluster follow a candidate's cores. A <c>spark.default.parallelism</c> or
/// <c>spark.sql.shuffle.partitions</c> the run set to 1 to 4 times its total cores (HiBench sets the parallelism to the
/// cores; tuning guides advise 2 to 3 partitions per core) is set to the same multiple of the candidate's cores, so
/// that a larger cluster gets the shuffle tasks to use its slots. Other values (Spark SQL's default 200, a count sized to
/// the data) stay, and so does an unset parallelism (Spark's default already follows the cores). A setting no stage's
/// task count follows is left alone.
/// </summary>
public static class PartitionScaling
{
    /// <summary>The most partitions per core still read as sized to the cluster.</summary>
    private const int MaxPerCore = 4;

    /// <summary>
    /// <paramref name="candidate"/> with the partition settings of <paramref name="simulator"/>'s observed run carried to
    /// its cores, for the settings some stage of the run follows.
    /// </summary>
    /// <param name="simulator">The observed run.</param>
    /// <param name="candidate">The shape to predict.</param>
    public static ClusterShape Apply(ScheduleSimulator simulator, ClusterShape candidate)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return Apply(simulator.ObservedShape, candidate, simulator.FollowsDefaultParallelism, simulator.FollowsShufflePartitions);
    }

    /// <summary><paramref name="candidate"/> with the observed run's partition settings carried to its cores.</summary>
    /// <param name="observed">The observed run's shape, with its explicit settings.</param>
    /// <param name="candidate">The candidate's shape.</param>
    /// <param name="followsDefaultParallelism">Whether some stage's task count follows <c>spark.default.parallelism</c>.</param>
    /// <param name="followsShufflePartitions">Whether some stage's task count follows <c>spark.sql.shuffle.partitions</c>.</param>
    internal static ClusterShape Apply(ClusterShape observed, ClusterShape candidate, bool followsDefaultParallelism, bool followsShufflePartitions) =>
        candidate with
        {
            DefaultParallelism = followsDefaultParallelism ? Scaled(observed.DefaultParallelism, observed.TotalCores, candidate.TotalCores) : observed.DefaultParallelism,
            ShufflePartitions = followsShufflePartitions ? Scaled(observed.ShufflePartitions, observed.TotalCores, candidate.TotalCores) : observed.ShufflePartitions,
        };

    /// <summary><paramref name="value"/> scaled to <paramref name="candidateCores"/> when it is a small whole multiple of <paramref name="observedCores"/>.</summary>
    internal static int? Scaled(int? value, int observedCores, int candidateCores) =>
        value is { } v && observedCores > 0 && v % observedCores == 0 && v / observedCores is >= 1 and <= MaxPerCore
            ? v / observedCores * candidateCores
            : value;
}
