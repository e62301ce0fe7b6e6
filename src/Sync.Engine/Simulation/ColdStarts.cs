namespace Sync.Engine.Simulation;

/// <summary>
/// A task slot's first task is slow: its executor's JVM loads classes, compiles hot code and opens its first
/// connections while it runs (on the ground-truth runs about 4 s against 90 ms for the same stage's other tasks). How
/// many first tasks a run has depends on its slots, so replaying measured durations would carry the observed run's
/// number of cold starts to every target. The plan therefore keeps, next to the measured durations, "warm" ones with
/// the application's cold-start excess taken off each observed first task (<see cref="PlanStage.WarmDurationsMs"/>),
/// and a prediction gives the excess back to as many of each stage's first tasks as run on fresh slots of the target
/// (<see cref="ColdTasksPerStage"/>). Reconstruction replays the measured durations unchanged.
/// </summary>
internal static class ColdStarts
{
    /// <summary>
    /// Marks each task that was the first on a slot of its executor (its executor's first <c>slots</c> launches, in
    /// launch order over the whole application).
    /// </summary>
    /// <param name="launches">Every task as (launch time, stage index, task index in the stage, executor slot count key).</param>
    /// <param name="stageSizes">Task count of each stage.</param>
    /// <param name="slotsOfExecutor">Slots of an executor by its index.</param>
    public static bool[][] Mark(List<(long Launch, int Stage, int Task, int Executor)> launches, int[] stageSizes, Func<int, int> slotsOfExecutor)
    {
        var cold = stageSizes.Select(n => new bool[n]).ToArray();
        var started = new Dictionary<int, int>();
        foreach (var (_, stage, task, executor) in launches.OrderBy(l => l.Launch).ThenBy(l => l.Stage).ThenBy(l => l.Task))
        {
            var count = started.GetValueOrDefault(executor);
            if (count < slotsOfExecutor(executor))
            {
                cold[stage][task] = true;
            }

            started[executor] = count + 1;
        }

        return cold;
    }

    /// <summary>
    /// The cold-start excess of the application: the median, over first tasks of stages that also ran later tasks, of
    /// a first task's duration over the median duration of its stage's other tasks; 0 when no stage shows one.
    /// </summary>
    public static int ExcessMs(IReadOnlyList<int[]> durations, IReadOnlyList<bool[]> cold)
    {
        var excesses = new List<int>();
        for (var s = 0; s < durations.Count; s++)
        {
            var warm = durations[s].Where((_, i) => !cold[s][i]).Order().ToArray();
            if (warm.Length == 0)
            {
                continue;
            }

            var warmMedian = warm[warm.Length / 2];
            excesses.AddRange(durations[s].Where((_, i) => cold[s][i]).Select(d => d - warmMedian));
        }

        if (excesses.Count == 0)
        {
            return 0;
        }

        excesses.Sort();
        return Math.Max(0, excesses[excesses.Count / 2]);
    }

    /// <summary>Durations (and fixed parts) with <paramref name="excessMs"/> taken off the first tasks; <see langword="null"/> when nothing changes.</summary>
    public static (int[] Durations, int[] FixedParts)? Warm(int[] durations, int[] fixedParts, bool[] cold, int excessMs)
    {
        if (excessMs <= 0 || !cold.Contains(true))
        {
            return null;
        }

        var warm = (int[])durations.Clone();
        var warmFixed = (int[])fixedParts.Clone();
        for (var i = 0; i < warm.Length; i++)
        {
            if (cold[i])
            {
                warm[i] = Math.Max(1, warm[i] - excessMs);
                warmFixed[i] = Math.Min(warmFixed[i], warm[i]);
            }
        }

        return (warm, warmFixed);
    }

    /// <summary>
    /// How many tasks of each stage (in plan order) start on a fresh slot of a cluster of <paramref name="executors"/>
    /// executors of <paramref name="slotsPerExecutor"/> slots, in expectation over Spark's placement: a stage whose
    /// tasks went to their data (<paramref name="local"/>) runs on the executors already used and starts fresh ones
    /// only for the slots it needs beyond them; any other stage's tasks go round-robin over the executors in shuffled
    /// order (Spark shuffles its resource offers), so a share of them equal to the share of still-fresh executors lands
    /// on one. The expected counts are rounded with their fractions carried, so the run's total is kept.
    /// </summary>
    public static int[] ColdTasksPerStage(IReadOnlyList<int> stageSizes, IReadOnlyList<bool> local, int executors, int slotsPerExecutor)
    {
        var cold = new int[stageSizes.Count];
        double warmExecutors = 0, expected = 0;
        var given = 0;
        var slots = executors * slotsPerExecutor;
        for (var s = 0; s < stageSizes.Count; s++)
        {
            var running = Math.Min(stageSizes[s], slots);
            if (local[s] || warmExecutors == 0)
            {
                var freshSlots = Math.Max(0, running - warmExecutors * slotsPerExecutor);
                expected += freshSlots;
                warmExecutors = Math.Min(executors, warmExecutors + Math.Ceiling(freshSlots / slotsPerExecutor));
            }
            else
            {
                var freshShare = (executors - warmExecutors) / executors;
                expected += running * freshShare;
                warmExecutors += Math.Min(running, executors) * freshShare;
            }

            var total = (int)Math.Round(expected);
            cold[s] = Math.Max(0, total - given);
            given += cold[s];
        }

        return cold;
    }

    /// <summary>Gives the first <paramref name="count"/> tasks (in launch order) the cold-start excess.</summary>
    public static int[] AddToFirst(int[] durations, int count, int excessMs)
    {
        if (count <= 0 || excessMs <= 0)
        {
            return durations;
        }

        var cold = (int[])durations.Clone();
        for (var i = 0; i < Math.Min(count, cold.Length); i++)
        {
            cold[i] = Add(cold[i], excessMs);
        }

        return cold;
    }

    private static int Add(int duration, int excessMs) => (int)Math.Min(int.MaxValue, (long)duration + excessMs);
}
