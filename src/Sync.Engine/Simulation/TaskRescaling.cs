namespace Sync.Engine.Simulation;

/// <summary>
/// Task durations of a plan on a target <see cref="ClusterShape"/>: a stage whose task count follows a parallelism
/// setting gets the target's count, and its measured work is spread over the new tasks, keeping the order and the
/// shape of the duration distribution: task k of m takes observed task ⌊k·n/m⌋'s fixed part (launch overhead and
/// shuffle fetch wait, which do not shrink with less data per task) plus the rest of its duration times n/m.
/// </summary>
internal static class TaskRescaling
{
    public static int[][] Durations(ApplicationPlan plan, ClusterShape shape)
    {
        var defaultParallelism = shape.DefaultParallelism ?? (plan.DefaultParallelismSet ? plan.ObservedDefaultParallelism : Math.Max(2, shape.TotalCores));
        var shufflePartitions = shape.ShufflePartitions ?? plan.ObservedShufflePartitions;
        var capacityRatio = CapacityRatio(plan, shape);
        return plan.Stages.Select(s =>
        {
            var durations = CacheRescaling.Durations(plan, s, capacityRatio);
            var units = s.PartitionedBy switch
            {
                PartitionSetting.DefaultParallelism => defaultParallelism,
                PartitionSetting.SqlShufflePartitions => shufflePartitions,
                _ => 0,
            };
            return units == 0 ? durations : Spread(durations, s.TaskFixedMs, Math.Max(1, (int)Math.Round(units * s.TasksPerPartitionUnit)));
        }).ToArray();
    }

    /// <summary>The target's memory for cached data over the observed run's (1 when either is unknown).</summary>
    internal static double CapacityRatio(ApplicationPlan plan, ClusterShape shape)
    {
        if (plan.StorageBytesPerExecutor is not { } observed || plan.ObservedShape.Executors == 0)
        {
            return 1;
        }

        var perExecutor = shape.StorageBytesPerExecutor ?? observed;
        return shape.Executors * (double)perExecutor / (plan.ObservedShape.Executors * (double)observed);
    }

    internal static int[] Spread(int[] durations, int[] fixedParts, int count)
    {
        var n = durations.Length;
        if (count == n)
        {
            return durations;
        }

        var scale = n / (double)count;
        var spread = new int[count];
        for (var k = 0; k < count; k++)
        {
            var i = (int)((long)k * n / count);
            spread[k] = (int)Math.Min(int.MaxValue, fixedParts[i] + Math.Round((durations[i] - fixedParts[i]) * scale));
        }

        return spread;
    }
}
