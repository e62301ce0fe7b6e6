namespace Sync.Engine.Simulation;

/// <summary>
/// How much of a cached dataset fits in another cluster's executor memory, and what that does to the tasks that read
/// it. Spark caches a partition only if it fits (<c>MEMORY_ONLY</c>); a partition that does not fit is recomputed from
/// its input every time a stage reads it. A stage whose tasks read cached blocks (<see cref="PlanStage.CacheHits"/>)
/// keeps its observed fraction h of hits when the storage capacity is the same; with r times the capacity:
/// <list type="bullet">
/// <item>h &lt; 1 (the cache was full): min(1, h·r) of the tasks hit;</item>
/// <item>h = 1: everything fit, using u = cached bytes / capacity of it; min(1, r/u) of the tasks hit.</item>
/// </list>
/// A task turned into a hit takes the stage's mean hit duration; a task turned into a miss takes the stage's mean miss
/// duration, or, when no task of the stage missed, its mean hit duration plus the application's mean miss penalty
/// (<see cref="MissPenaltyMs"/>).
/// </summary>
internal static class CacheRescaling
{
    /// <summary>
    /// What recomputing a partition costs over reading it from the cache: the task-weighted mean of (miss − hit) over
    /// stages that had both, else the mean duration of the input-reading tasks of the first stage that cached data.
    /// </summary>
    public static double? MissPenaltyMs(IReadOnlyList<PlanStage> stages)
    {
        double weighted = 0;
        long weight = 0;
        foreach (var s in stages)
        {
            if (s.CacheHits is not { } hits)
            {
                continue;
            }

            var (hitMean, hitCount, missMean, missCount) = Means(s.TaskDurationsMs, hits);
            if (hitCount > 0 && missCount > 0)
            {
                weighted += (missMean - hitMean) * s.TaskDurationsMs.Length;
                weight += s.TaskDurationsMs.Length;
            }
        }

        if (weight > 0)
        {
            return Math.Max(0, weighted / weight);
        }

        var materializing = stages.FirstOrDefault(s => s.ReadsInput && s.CachedBytes > 0 && s.CacheHits is null);
        return materializing is null ? null : materializing.TaskDurationsMs.Average();
    }

    /// <summary>The task durations <paramref name="durations"/> of <paramref name="stage"/> when the storage capacity is <paramref name="capacityRatio"/> times the observed.</summary>
    public static int[] Durations(ApplicationPlan plan, PlanStage stage, int[] durations, double capacityRatio)
    {
        if (stage.CacheHits is not { } hits || Math.Abs(capacityRatio - 1) < 1e-9 || hits.Length != durations.Length)
        {
            return durations;
        }

        var n = durations.Length;
        var (hitMean, hitCount, missMean, missCount) = Means(durations, hits);
        double target;
        if (hitCount < n)
        {
            target = Math.Min(1, hitCount / (double)n * capacityRatio);
        }
        else
        {
            var capacity = plan.StorageBytesPerExecutor * (double)plan.ObservedShape.Executors;
            var used = capacity is > 0 && plan.PeakCachedBytes > 0 ? Math.Min(1, plan.PeakCachedBytes / capacity.Value) : 1;
            target = Math.Min(1, capacityRatio / used);
        }

        var targetHits = (int)Math.Round(target * n);
        if (targetHits == hitCount)
        {
            return durations;
        }

        var adjusted = (int[])durations.Clone();
        if (targetHits > hitCount)
        {
            Convert(adjusted, hits, fromHit: false, targetHits - hitCount, (int)Math.Round(hitMean));
        }
        else
        {
            double? miss = missCount > 0 ? missMean : plan.CacheMissPenaltyMs is { } penalty ? hitMean + penalty : null;
            if (miss is null)
            {
                return durations;
            }

            Convert(adjusted, hits, fromHit: true, hitCount - targetHits, (int)Math.Min(int.MaxValue, Math.Round(miss.Value)));
        }

        return adjusted;
    }

    /// <summary>Gives <paramref name="count"/> tasks of one kind, spread evenly over the stage, the other kind's duration.</summary>
    private static void Convert(int[] durations, bool[] hits, bool fromHit, int count, int newDuration)
    {
        var candidates = Enumerable.Range(0, hits.Length).Where(i => hits[i] == fromHit).ToArray();
        for (var k = 0; k < count && k < candidates.Length; k++)
        {
            durations[candidates[(int)((long)k * candidates.Length / count)]] = newDuration;
        }
    }

    private static (double HitMean, int HitCount, double MissMean, int MissCount) Means(int[] durations, bool[] hits)
    {
        long hitSum = 0, missSum = 0;
        int hitCount = 0, missCount = 0;
        for (var i = 0; i < durations.Length; i++)
        {
            if (hits[i])
            {
                hitSum += durations[i];
                hitCount++;
            }
            else
            {
                missSum += durations[i];
                missCount++;
            }
        }

        return (hitCount == 0 ? 0 : hitSum / (double)hitCount, hitCount, missCount == 0 ? 0 : missSum / (double)missCount, missCount);
    }
}
