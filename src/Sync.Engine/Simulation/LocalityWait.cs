using Sync.Engine.Applications;

namespace Sync.Engine.Simulation;

/// <summary>
/// Spark's delay scheduling, as a stage's tasks show it: a task set launches its tasks at the most local level it can,
/// and only after <c>spark.locality.wait</c> (per level: <c>.process</c>, <c>.node</c>, <c>.rack</c>) has passed
/// since its last launch without a local one does it relax to the next level; the relaxed task then goes out with the
/// next resource offer (every <c>spark.scheduler.revive.interval</c>). So a stage whose last tasks ran less local than
/// its others waited whole locality waits with slots free before them. The wait is read from the log: the levels the
/// stage relaxed through are the whole waits that fit in the observed gap between its last local launch and its first
/// relaxed one; the simulator holds the relaxed tasks that long after the last local launch
/// (<see cref="PlanStage.LocalityTailStart"/>, <see cref="PlanStage.LocalityDelayMs"/>).
/// </summary>
internal sealed class LocalityWait
{
    private const long DefaultWaitMs = 3_000;
    private const long DefaultReviveIntervalMs = 1_000;
    private readonly long _processMs;
    private readonly long _nodeMs;
    private readonly long _rackMs;
    private readonly long _reviveMs;

    private LocalityWait(long processMs, long nodeMs, long rackMs, long reviveMs) =>
        (_processMs, _nodeMs, _rackMs, _reviveMs) = (processMs, nodeMs, rackMs, reviveMs);

    /// <summary>The waits the application ran with (Spark's defaults where unset).</summary>
    public static LocalityWait From(IReadOnlyDictionary<string, string> properties)
    {
        var wait = SparkTimeSetting.Milliseconds(properties, "spark.locality.wait") ?? DefaultWaitMs;
        return new LocalityWait(
            SparkTimeSetting.Milliseconds(properties, "spark.locality.wait.process") ?? wait,
            SparkTimeSetting.Milliseconds(properties, "spark.locality.wait.node") ?? wait,
            SparkTimeSetting.Milliseconds(properties, "spark.locality.wait.rack") ?? wait,
            SparkTimeSetting.Milliseconds(properties, "spark.scheduler.revive.interval") ?? DefaultReviveIntervalMs);
    }

    /// <summary>
    /// The tasks of a stage (in launch order) that waited for its locality level to relax, and how long after the last
    /// more local launch they could go: (−1, 0) when none did.
    /// </summary>
    /// <param name="launches">Launch times in launch order.</param>
    /// <param name="levels">Each task's locality level, in the same order.</param>
    public (int TailStart, int DelayMs) Tail(IReadOnlyList<long> launches, IReadOnlyList<TaskLocality> levels)
    {
        if (levels.Count < 2)
        {
            return (-1, 0);
        }

        var best = levels.Min();
        if (best is TaskLocality.NoPref or TaskLocality.Any)
        {
            return (-1, 0);
        }

        var lastBest = -1;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            if (levels[i] == best)
            {
                lastBest = i;
                break;
            }
        }

        // Tasks without a preference launch at any time (Spark offers the NO_PREF level without a wait).
        if (lastBest == levels.Count - 1 || levels[lastBest + 1] == TaskLocality.NoPref)
        {
            return (-1, 0);
        }

        // The whole waits of the levels from the best one towards the relaxed task's that fit in the observed gap.
        var waited = WholeWaits(best, levels[lastBest + 1], levels.Contains(TaskLocality.RackLocal), launches[lastBest + 1] - launches[lastBest]);
        var relaxed = waited > 0;

        // The relaxed task goes with the next offer: on average half a revive interval later.
        return relaxed ? (lastBest + 1, (int)Math.Min(int.MaxValue, waited + _reviveMs / 2)) : (-1, 0);
    }

    /// <summary>
    /// How long a stage whose first tasks ran less local than its best level was held after its submission: the whole
    /// waits that fit in the observed gap to its first launch, plus half a revive interval; 0 when it was not held.
    /// </summary>
    /// <param name="levels">The stage's tasks' locality levels in launch order.</param>
    /// <param name="submitToFirstLaunchMs">The observed time from the stage's submission to its first launch.</param>
    public int Head(IReadOnlyList<TaskLocality> levels, long submitToFirstLaunchMs)
    {
        if (levels.Count == 0)
        {
            return 0;
        }

        var best = levels.Min();
        var first = levels[0];
        if (best is TaskLocality.NoPref or TaskLocality.Any || first == best || first == TaskLocality.NoPref)
        {
            return 0;
        }

        var waited = WholeWaits(best, first, levels.Contains(TaskLocality.RackLocal), submitToFirstLaunchMs);
        return waited == 0 ? 0 : (int)Math.Min(int.MaxValue, waited + _reviveMs / 2);
    }

    /// <summary>The sum of the waits of the levels from <paramref name="best"/> up to (not including) <paramref name="relaxedTo"/> that fit in <paramref name="gapMs"/>.</summary>
    private long WholeWaits(TaskLocality best, TaskLocality relaxedTo, bool rackSeen, long gapMs)
    {
        long waited = 0;
        foreach (var (level, waitMs) in new[] { (TaskLocality.ProcessLocal, _processMs), (TaskLocality.NodeLocal, _nodeMs), (TaskLocality.RackLocal, _rackMs) })
        {
            if (level < best || level >= relaxedTo || (level == TaskLocality.RackLocal && !rackSeen) || waitMs == 0)
            {
                continue;
            }

            if (waited + waitMs > gapMs)
            {
                break;
            }

            waited += waitMs;
        }

        return waited;
    }
}
