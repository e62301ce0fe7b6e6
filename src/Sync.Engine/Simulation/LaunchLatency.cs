namespace Sync.Engine.Simulation;

/// <summary>
/// How long a stage waited to launch its first task although the observed run had a slot free and no other stage took
/// it: time Spark spent that the log shows but does not explain (executors still initialising plugins or GPUs before
/// offering their cores, task-set creation for very large stages, a driver busy elsewhere). It is kept as measured, on
/// every target, like driver-only time. Read from the observed timeline: from the later of the stage's submission and
/// the first moment a slot was free, to the earlier of its first launch and another stage's next launch.
/// </summary>
internal sealed class LaunchLatency
{
    private readonly long[] _launches;
    private readonly int[] _launchStages;

    // The observed run's free slots as a step function: after the events at _times[i], _free[i] slots were free.
    private readonly long[] _times;
    private readonly int[] _free;

    /// <param name="tasks">Every task as (launch, finish, plan stage index), absolute times.</param>
    /// <param name="executors">Every executor as (added, removed or <see cref="long.MaxValue"/>, slots), absolute times.</param>
    public LaunchLatency(IReadOnlyList<(long Launch, long Finish, int Stage)> tasks, IReadOnlyList<(long Added, long Removed, int Slots)> executors)
    {
        _launches = new long[tasks.Count];
        _launchStages = new int[tasks.Count];
        var eventTimes = new long[2 * tasks.Count + 2 * executors.Count];
        var deltas = new int[eventTimes.Length];
        var n = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var (launch, finish, stage) = tasks[i];
            (_launches[i], _launchStages[i]) = (launch, stage);
            (eventTimes[n], deltas[n++]) = (launch, -1);
            (eventTimes[n], deltas[n++]) = (finish, +1);
        }

        Array.Sort(_launches, _launchStages);
        foreach (var (added, removed, slots) in executors)
        {
            (eventTimes[n], deltas[n++]) = (added, slots);
            if (removed != long.MaxValue)
            {
                (eventTimes[n], deltas[n++]) = (removed, -slots);
            }
        }

        Array.Sort(eventTimes, deltas, 0, n);
        var times = new List<long>();
        var free = new List<int>();
        var current = 0;
        for (var i = 0; i < n; i++)
        {
            current += deltas[i];
            if (i + 1 == n || eventTimes[i + 1] != eventTimes[i])
            {
                times.Add(eventTimes[i]);
                free.Add(current);
            }
        }

        _times = times.ToArray();
        _free = free.ToArray();
    }

    /// <summary>The latency of plan stage <paramref name="stage"/>, submitted at <paramref name="submit"/>, first launched at <paramref name="firstLaunch"/>.</summary>
    public long Of(int stage, long submit, long firstLaunch)
    {
        var free = FirstFreeSlot(submit, firstLaunch);
        if (free is not { } from || from >= firstLaunch)
        {
            return 0;
        }

        // Another stage's launch in between means the free slot went to it: the wait is the scheduler's order.
        var i = LowerBound(_launches, from);
        while (i < _launches.Length && _launches[i] < firstLaunch && _launchStages[i] == stage)
        {
            i++;
        }

        var until = i < _launches.Length ? Math.Min(firstLaunch, _launches[i]) : firstLaunch;
        return Math.Max(0, until - from);
    }

    /// <summary>The first moment in [<paramref name="from"/>, <paramref name="before"/>) the observed run had a free slot.</summary>
    private long? FirstFreeSlot(long from, long before)
    {
        // The step in force at `from`, then every later step before `before`.
        var i = UpperBound(_times, from) - 1;
        if (i >= 0 && _free[i] > 0)
        {
            return from;
        }

        for (i++; i < _times.Length && _times[i] < before; i++)
        {
            if (_free[i] > 0)
            {
                return _times[i];
            }
        }

        return null;
    }

    private static int LowerBound(long[] values, long value)
    {
        var index = Array.BinarySearch(values, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && values[index - 1] == value)
        {
            index--;
        }

        return index;
    }

    private static int UpperBound(long[] values, long value)
    {
        var index = LowerBound(values, value);
        while (index < values.Length && values[index] == value)
        {
            index++;
        }

        return index;
    }
}
