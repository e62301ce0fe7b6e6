namespace Sync.Engine.Simulation;

/// <summary>
/// Garbage collection under memory pressure. A collector runs each time the free part of the heap fills, so for the
/// same allocation its time grows as 1 / (1 − ρ), ρ being the share of the heap held by live data. Cached data is the
/// live data Spark makes long-lived: ρ is the bytes cached when a stage started, per executor, over an executor's
/// storage memory (<see cref="CacheFootprint.ResidentAtStartBytes"/>, or <see cref="ApplicationPlan.PeakCachedBytes"/>
/// when the log does not size its RDDs; <see cref="ApplicationPlan.StorageBytesPerExecutor"/>), capped at
/// <see cref="MaxPressure"/> (a full heap fails rather than collects forever). On a target whose executors hold a
/// different share of the cache, each task's measured <c>JVM GC Time</c> is scaled by (1 − ρ observed) / (1 − ρ target).
/// On the ground-truth KMeans runs (16.4M samples, medians per size; <c>scripts/gc-by-cache-pressure.py</c>) GC took
/// 606 s of task time on 2 workers (ρ 0.93), 207 s on 4 (0.72) and 51–58 s on 8 to 32 (0.36 to 0.09).
/// </summary>
internal static class GcRescaling
{
    /// <summary>The highest heap pressure the model considers.</summary>
    public const double MaxPressure = 0.95;

    /// <summary>
    /// The factor on the GC time of <paramref name="stage"/>'s tasks on a target (1 when the log does not say how much was
    /// cached or how much memory held it). The live data is what was cached when the stage started
    /// (<see cref="CacheFootprint.ResidentAtStartBytes"/>), or the application's peak when the log does not size its RDDs.
    /// </summary>
    public static double Factor(ApplicationPlan plan, PlanStage stage, ClusterShape shape)
    {
        var cached = stage.CacheFootprint?.ResidentAtStartBytes ?? plan.PeakCachedBytes;
        if (plan.StorageBytesPerExecutor is not { } observedStorage || observedStorage <= 0 || cached <= 0 || plan.ObservedShape.Executors == 0)
        {
            return 1;
        }

        var targetStorage = shape.StorageBytesPerExecutor ?? observedStorage;
        var observed = Pressure(cached, plan.ObservedShape.Executors, observedStorage);
        var target = Pressure(cached, shape.Executors, targetStorage);
        return (1 - observed) / (1 - target);
    }

    /// <summary>Durations with each task's GC time scaled by <paramref name="factor"/>.</summary>
    public static int[] Durations(int[] durations, int[]? gcMs, double factor)
    {
        if (gcMs is null || gcMs.Length != durations.Length || Math.Abs(factor - 1) < 1e-9)
        {
            return durations;
        }

        var scaled = new int[durations.Length];
        for (var i = 0; i < scaled.Length; i++)
        {
            scaled[i] = (int)Math.Clamp(durations[i] + Math.Round(gcMs[i] * (factor - 1)), 1, int.MaxValue);
        }

        return scaled;
    }

    private static double Pressure(double cachedBytes, int executors, long storageBytesPerExecutor) =>
        Math.Min(MaxPressure, cachedBytes / ((double)Math.Max(1, executors) * Math.Max(1, storageBytesPerExecutor)));
}
