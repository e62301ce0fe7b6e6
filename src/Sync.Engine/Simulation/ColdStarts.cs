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
    /// How many tasks of each stage (in plan order) start on a slot no earlier stage used, on a cluster of
    /// <paramref name="slots"/> slots: a stage fills min(tasks, slots) slots, the fresh ones first.
    /// </summary>
    public static int[] ColdTasksPerStage(IReadOnlyList<int> stageSizes, int slots)
    {
        var cold = new int[stageSizes.Count];
        var used = 0;
        for (var s = 0; s < stageSizes.Count; s++)
        {
            var filled = Math.Min(stageSizes[s], slots);
            cold[s] = Math.Max(0, filled - used);
            used = Math.Max(used, filled);
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
