namespace Sync.Engine.Simulation;

/// <summary>
/// How much of a cached dataset fits in another cluster's executor memory, and what that does to the tasks that read
/// it. Spark caches a partition only if it fits (<c>MEMORY_ONLY</c>); a partition that does not fit is recomputed from
/// its input every time a stage reads it. A stage whose tasks read cached blocks (<see cref="PlanStage.CacheHits"/>)
/// keeps its observed hits on the observed executors and memory. Elsewhere, with r times the capacity, it gets the
/// fewer of two counts of hits, each what fits by one measure:
/// <list type="bullet">
/// <item>by bytes: when the cache was full (a fraction h &lt; 1 of the tasks hit), min(1, h·r) of the tasks hit; when
/// everything fit, using u = cached bytes / capacity of it, min(1, r/u), the cached bytes being what was resident while
/// the stage ran (<see cref="CacheFootprint.ResidentBytes"/>) or the application's peak;</item>
/// <item>by packing (<see cref="CacheFootprint"/>): everything resident while the stage ran, also data cached later and
/// not yet unpersisted that the lineage's sizes do not show, spread over the target's executors, whole blocks per
/// executor; used when it explains the observed run (it packs the observed shape with misses, or there were none).</item>
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

    /// <summary>
    /// How many of <paramref name="stage"/>'s tasks read their data from the cache on <paramref name="shape"/>;
    /// <see langword="null"/> when no task of the stage read cached data.
    /// </summary>
    public static int? Hits(ApplicationPlan plan, PlanStage stage, ClusterShape shape) =>
        stage.CacheHits is { } hits ? TargetHits(plan, stage, shape, hits.Length, hits.Count(h => h)) : null;

    /// <summary>The task durations <paramref name="durations"/> of <paramref name="stage"/> on <paramref name="shape"/>, with <see cref="Hits"/> of them reading from the cache.</summary>
    public static int[] Durations(ApplicationPlan plan, PlanStage stage, int[] durations, ClusterShape shape)
    {
        if (stage.CacheHits is not { } hits || hits.Length != durations.Length)
        {
            return durations;
        }

        var (hitMean, hitCount, missMean, missCount) = Means(durations, hits);
        var targetHits = TargetHits(plan, stage, shape, hits.Length, hitCount);
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

    /// <summary>The fewer hits of the bytes ratio and the packing (the class summary), from <paramref name="hitCount"/> observed of <paramref name="n"/>.</summary>
    private static int TargetHits(ApplicationPlan plan, PlanStage stage, ClusterShape shape, int n, int hitCount)
    {
        var capacityRatio = TaskRescaling.CapacityRatio(plan, shape);
        var byRatio = Math.Abs(capacityRatio - 1) < 1e-9 ? hitCount : (int)Math.Round(RatioHitFraction(plan, stage, hitCount, n, capacityRatio) * n);
        return PackedHits(plan, stage, shape, n, n - hitCount) is { } packed ? Math.Min(packed, byRatio) : byRatio;
    }

    /// <summary>
    /// The hits on <paramref name="shape"/> from packing the stage's <see cref="CacheFootprint"/> onto its executors, when
    /// the footprint explains the observed run: it packs the observed shape with misses, or the observed run had none.
    /// <see langword="null"/> on the observed layout of executors and memory, or when the footprint cannot be used.
    /// </summary>
    private static int? PackedHits(ApplicationPlan plan, PlanStage stage, ClusterShape shape, int n, int observedMisses)
    {
        if (stage.CacheFootprint is not { } footprint || plan.StorageBytesPerExecutor is not { } observedStorage || observedStorage <= 0)
        {
            return null;
        }

        var observed = plan.ObservedShape;
        var storage = shape.StorageBytesPerExecutor ?? observedStorage;
        if (shape.Executors == observed.Executors && storage == observedStorage)
        {
            return null;
        }

        if (observedMisses > 0 && footprint.Misses(n, observed.Executors, observedStorage, observed.SlotsPerExecutor) == 0)
        {
            // The observed misses are not for want of memory: the footprint cannot say how they change.
            return null;
        }

        return n - footprint.Misses(n, shape.Executors, storage, shape.SlotsPerExecutor);
    }

    /// <summary>The fraction of hits when capacity scales by <paramref name="capacityRatio"/>, from the observed fraction and how full the cache was.</summary>
    private static double RatioHitFraction(ApplicationPlan plan, PlanStage stage, int hitCount, int n, double capacityRatio)
    {
        if (hitCount < n)
        {
            return Math.Min(1, hitCount / (double)n * capacityRatio);
        }

        var capacity = plan.StorageBytesPerExecutor * (double)plan.ObservedShape.Executors;
        var cached = stage.CacheFootprint?.ResidentBytes ?? plan.PeakCachedBytes;
        var used = capacity is > 0 && cached > 0 ? Math.Min(1, cached / capacity.Value) : 1;
        return Math.Min(1, capacityRatio / used);
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
