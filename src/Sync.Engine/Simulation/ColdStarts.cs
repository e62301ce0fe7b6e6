namespace Sync.Engine.Simulation;

/// <summary>
/// First tasks are slow, at three levels. A slot's first task at all carries its executor's warm-up: the JVM loads the
/// classes it deserialises and compiles the stage's code (on the ground-truth runs 5.2–9.3 s against 0.15–4.7 s for later
/// tasks of the same stage, 1.8–1.9 s of it in <c>Executor Deserialize Time</c>; docs/accuracy.md); its second task of
/// the same stage still runs slower while the JIT finishes. A stage's first task on each slot fetches, deserialises and
/// compiles the stage's code (KMeans iterations: 0.5 s against 0.08–0.09 s, 0.09 s of it deserialising). How many such
/// tasks a run has depends on its slots, so replaying measured durations would carry the observed run's count to every
/// target. The plan therefore keeps, next to the measured durations, "warm" ones with each such task's excess taken off
/// it (<see cref="PlanStage.WarmDurationsMs"/>): its deserialisation excess (<see cref="DeserializeExcesses"/>), or its
/// excess over the stage's warm tasks if larger (<see cref="DurationExcesses"/>). A prediction gives each stage's
/// median excesses back: a slot's first-task excess (the stage's own, else the application's median deserialisation
/// excess) to as many tasks as start on fresh slots of the target (<see cref="ColdTasksPerStage"/>), the second-task
/// excess to as many of their second tasks, and the stage-first excess to the rest of its first wave
/// (<see cref="WarmUpCharge"/>). Reconstruction replays the measured durations.
/// </summary>
internal static class ColdStarts
{
    /// <summary>
    /// Classifies each task by its executor's launches in order over the whole application: an executor's first
    /// <c>slots</c> tasks are <see cref="TaskStart.FirstOnSlot"/>; its first <c>slots</c> tasks of a stage otherwise
    /// <see cref="TaskStart.FirstOfStageOnSlot"/>; its next <c>slots</c> tasks after its first ones, when of the same
    /// stage, <see cref="TaskStart.SecondOnSlot"/>.
    /// </summary>
    /// <param name="launches">Every task as (launch time, stage index, task index in the stage, executor index).</param>
    /// <param name="stageSizes">Task count of each stage.</param>
    /// <param name="slotsOfExecutor">Slots of an executor by its index.</param>
    public static TaskStart[][] Mark(List<(long Launch, int Stage, int Task, int Executor)> launches, int[] stageSizes, Func<int, int> slotsOfExecutor)
    {
        var starts = stageSizes.Select(n => new TaskStart[n]).ToArray();
        var ordered = launches.ToArray();
        Array.Sort(ordered, static (a, b) => a.Launch != b.Launch ? a.Launch.CompareTo(b.Launch) : a.Stage != b.Stage ? a.Stage.CompareTo(b.Stage) : a.Task.CompareTo(b.Task));
        var onExecutor = new Dictionary<int, int>();
        var ofStageOnExecutor = new Dictionary<(int, int), int>();
        foreach (var (_, stage, task, executor) in ordered)
        {
            var slots = slotsOfExecutor(executor);
            ref var all = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(onExecutor, executor, out _);
            ref var ofStage = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ofStageOnExecutor, (stage, executor), out _);
            starts[stage][task] = all < slots ? TaskStart.FirstOnSlot
                : ofStage < slots ? TaskStart.FirstOfStageOnSlot
                : all < 2 * slots ? TaskStart.SecondOnSlot
                : TaskStart.Warm;
            all++;
            ofStage++;
        }

        return starts;
    }

    /// <summary>The median of <paramref name="excessMs"/> over the tasks of kind <paramref name="kind"/>; 0 when there are none.</summary>
    public static int MedianExcessMs(IReadOnlyList<int[]> excessMs, IReadOnlyList<TaskStart[]> starts, TaskStart kind) =>
        Median(excessMs.SelectMany((e, s) => e.Where((_, i) => starts[s][i] == kind)));

    /// <summary>The median of one stage's <paramref name="excessMs"/> over its tasks of kind <paramref name="kind"/>; 0 when there are none.</summary>
    public static int MedianExcessMs(int[] excessMs, TaskStart[] starts, TaskStart kind) =>
        Median(excessMs.Where((_, i) => starts[i] == kind));

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    /// <summary>
    /// Each first task's deserialisation excess: its <c>Executor Deserialize Time</c> over the median of the
    /// application's warm tasks (0 for warm tasks).
    /// </summary>
    public static int[][] DeserializeExcesses(IReadOnlyList<int[]> deserializeMs, IReadOnlyList<TaskStart[]> starts)
    {
        var warm = new List<int>();
        var min = int.MaxValue;
        for (var s = 0; s < deserializeMs.Count; s++)
        {
            for (var i = 0; i < deserializeMs[s].Length; i++)
            {
                min = Math.Min(min, deserializeMs[s][i]);
                if (starts[s][i] == TaskStart.Warm)
                {
                    warm.Add(deserializeMs[s][i]);
                }
            }
        }

        warm.Sort();
        var baseline = warm.Count > 0 ? warm[warm.Count / 2] : min == int.MaxValue ? 0 : min;
        var excesses = new int[deserializeMs.Count][];
        for (var s = 0; s < deserializeMs.Count; s++)
        {
            excesses[s] = new int[deserializeMs[s].Length];
            for (var i = 0; i < excesses[s].Length; i++)
            {
                excesses[s][i] = starts[s][i] != TaskStart.Warm ? Math.Max(0, deserializeMs[s][i] - baseline) : 0;
            }
        }

        return excesses;
    }

    /// <summary>
    /// Each slot's first and second task's, and each stage's first task's on a slot, excess over a warm task of the
    /// same stage reading as much (the stage's median warm time per byte read times its bytes, or its median warm
    /// duration when bytes are not known): what deserialising and compiling the stage's code took (the JIT is still at
    /// work during a slot's second task: sort map tasks on 2 workers ran 34–35 ms/MB second against 25–30 ms/MB later,
    /// docs/accuracy.md).
    /// A slot's first tasks are compared with its second ones where the stage has no warm tasks. 0 for other tasks and
    /// in stages without later tasks to compare with.
    /// </summary>
    public static int[][] DurationExcesses(IReadOnlyList<int[]> durations, IReadOnlyList<long[]> bytesRead, IReadOnlyList<TaskStart[]> starts)
    {
        var excesses = new int[durations.Count][];
        for (var s = 0; s < durations.Count; s++)
        {
            var d = durations[s];
            excesses[s] = new int[d.Length];
            var warm = Enumerable.Range(0, d.Length).Where(i => starts[s][i] == TaskStart.Warm).ToArray();
            var seconds = Enumerable.Range(0, d.Length).Where(i => starts[s][i] == TaskStart.SecondOnSlot).ToArray();
            // First tasks against warm ones, else against second ones (what a stage of two waves shows); second
            // tasks against warm ones only.
            TakeExcess(d, bytesRead[s], warm.Length > 0 ? warm : seconds, starts[s], TaskStart.FirstOnSlot, excesses[s]);
            TakeExcess(d, bytesRead[s], warm, starts[s], TaskStart.SecondOnSlot, excesses[s]);
            TakeExcess(d, bytesRead[s], warm, starts[s], TaskStart.FirstOfStageOnSlot, excesses[s]);
        }

        return excesses;
    }

    private static void TakeExcess(int[] d, long[] bytesRead, int[] reference, TaskStart[] starts, TaskStart kind, int[] excesses)
    {
        if (reference.Length == 0)
        {
            return;
        }

        var byBytes = reference.All(i => bytesRead[i] > 0);
        var rate = byBytes ? reference.Select(i => d[i] / (double)bytesRead[i]).Order().ElementAt(reference.Length / 2) : 0;
        var median = reference.Select(i => d[i]).Order().ElementAt(reference.Length / 2);
        for (var i = 0; i < d.Length; i++)
        {
            if (starts[i] == kind)
            {
                var expected = byBytes && bytesRead[i] > 0 ? rate * bytesRead[i] : median;
                excesses[i] = (int)Math.Clamp(d[i] - expected, 0, d[i]);
            }
        }
    }

    /// <summary>
    /// Durations (and fixed parts) with each first task's own deserialisation excess taken off it;
    /// <see langword="null"/> when nothing changes.
    /// </summary>
    public static (int[] Durations, int[] FixedParts)? Warm(int[] durations, int[] fixedParts, int[] excessMs)
    {
        if (!excessMs.Any(e => e > 0))
        {
            return null;
        }

        var warm = (int[])durations.Clone();
        var warmFixed = (int[])fixedParts.Clone();
        for (var i = 0; i < warm.Length; i++)
        {
            warm[i] = Math.Max(1, warm[i] - excessMs[i]);
            warmFixed[i] = Math.Min(warmFixed[i], warm[i]);
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
}
