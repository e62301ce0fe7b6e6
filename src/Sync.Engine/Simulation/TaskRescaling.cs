namespace Sync.Engine.Simulation;

/// <summary>
/// Task durations of a plan on a target <see cref="ClusterShape"/>: a stage whose task count follows a parallelism
/// setting gets the target's count, and its measured work is spread over the new tasks, keeping the order and the
/// shape of the duration distribution: task k of m takes observed task ⌊k·n/m⌋'s fixed part (launch overhead and
/// shuffle fetch wait, which do not shrink with less data per task) plus the rest of its duration times n/m. Before
/// that, GC time follows the target's heap pressure (<see cref="GcRescaling"/>), cached data is carried to the target's
/// memory (<see cref="CacheRescaling"/>) and fetch waits to its network (<see cref="NetworkRescaled"/>). The durations are
/// warm: the first tasks' cold-start excess is charged as the simulation launches them (<see cref="Rescale"/>).
/// </summary>
internal static class TaskRescaling
{
    /// <summary>
    /// Warm task durations per plan stage on <paramref name="shape"/>, and what each stage's first tasks pay there for
    /// starting cold (<see cref="ColdStarts"/>), charged as the simulation launches them.
    /// </summary>
    public static (int[][] Durations, WarmUpCharge[] WarmUp) Rescale(ApplicationPlan plan, ClusterShape shape)
    {
        var counts = TaskCounts(plan, shape);
        var durations = plan.Stages.Select((s, i) =>
        {
            var warm = GcRescaling.Durations(s.WarmDurationsMs ?? s.TaskDurationsMs, s.TaskGcMs, GcRescaling.Factor(plan, s, shape));
            var (cached, fixedParts) = NetworkRescaled(s, CacheRescaling.Durations(plan, s, warm, shape), s.WarmFixedMs ?? s.TaskFixedMs, shape.NetworkPerExecutorRatio);
            return Spread(cached, fixedParts, counts[i]);
        }).ToArray();
        var fresh = ColdStarts.ColdTasksPerStage(counts, plan.Stages.Select(s => s.RanLocal).ToArray(), shape.Executors, shape.SlotsPerExecutor);
        var warmUp = plan.Stages.Select((s, i) =>
        {
            if (s.WarmDurationsMs is null)
            {
                return default;
            }

            // A fresh slot's second task is of the same stage when the stage runs more than one wave.
            var firstWave = Math.Min(counts[i], shape.Slots);
            var second = Math.Min(counts[i] - firstWave, fresh[i]);
            return new WarmUpCharge(fresh[i], firstWave, s.SlotWarmUpMs ?? plan.SlotWarmUpMs, s.StageWarmUpMs, second, s.SecondWarmUpMs ?? plan.SecondWarmUpMs);
        }).ToArray();
        return (durations, warmUp);
    }

    /// <summary>Each stage's task count on <paramref name="shape"/>: a stage following a parallelism setting gets the target's.</summary>
    private static int[] TaskCounts(ApplicationPlan plan, ClusterShape shape)
    {
        var defaultParallelism = shape.DefaultParallelism ?? (plan.DefaultParallelismSet ? plan.ObservedDefaultParallelism : Math.Max(2, shape.TotalCores));
        var shufflePartitions = shape.ShufflePartitions ?? plan.ObservedShufflePartitions;
        return plan.Stages.Select(s =>
        {
            var units = s.PartitionedBy switch
            {
                PartitionSetting.DefaultParallelism => defaultParallelism,
                PartitionSetting.SqlShufflePartitions => shufflePartitions,
                _ => 0,
            };
            return units == 0 ? s.TaskDurationsMs.Length : Math.Max(1, (int)Math.Round(units * s.TasksPerPartitionUnit));
        }).ToArray();
    }

    /// <summary>
    /// Task durations with each task's shuffle fetch wait scaled by the inverse of the executor's network bandwidth
    /// relative to the observed run (a wait on the network takes as much longer as the link is slower).
    /// </summary>
    /// <returns>The durations and the tasks' fixed parts, both with the fetch waits scaled.</returns>
    internal static (int[] Durations, int[] FixedParts) NetworkRescaled(PlanStage stage, int[] durations, int[] fixedParts, double ratio)
    {
        if (stage.TaskFetchWaitMs is not { } waits || Math.Abs(ratio - 1) < 1e-9 || ratio <= 0 || durations.Length != waits.Length)
        {
            return (durations, fixedParts);
        }

        var scaled = new int[durations.Length];
        var scaledFixed = new int[durations.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            var delta = (int)Math.Round(waits[i] / ratio) - waits[i];
            scaled[i] = (int)Math.Clamp((long)durations[i] + delta, 0, int.MaxValue);
            scaledFixed[i] = (int)Math.Clamp((long)fixedParts[i] + delta, 0, scaled[i]);
        }

        return (scaled, scaledFixed);
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
