namespace Sync.Engine.Simulation;

/// <summary>
/// The tasks of one stage still to launch in a <see cref="SimulationRun"/> that places tasks on executors: tasks pinned
/// to the executor holding their data (<see cref="PlanStage.PinnedExecutors"/>) wait for a slot there; the others take
/// any free slot, in their observed launch order.
/// </summary>
internal sealed class StageLaunchQueue
{
    private readonly Dictionary<int, Queue<int>>? _pinned;
    private readonly PriorityQueue<int, int> _anywhere = new();

    /// <param name="pinnedExecutors">Per task (launch order), the executor it must run on, or −1; <see langword="null"/> when none is pinned.</param>
    /// <param name="count">The stage's task count.</param>
    public StageLaunchQueue(int[]? pinnedExecutors, int count)
    {
        Remaining = count;
        for (var task = 0; task < count; task++)
        {
            var executor = pinnedExecutors is not null && task < pinnedExecutors.Length ? pinnedExecutors[task] : -1;
            if (executor < 0)
            {
                _anywhere.Enqueue(task, task);
                continue;
            }

            _pinned ??= [];
            if (!_pinned.TryGetValue(executor, out var queue))
            {
                _pinned[executor] = queue = new Queue<int>();
            }

            queue.Enqueue(task);
        }
    }

    /// <summary>Tasks not launched yet.</summary>
    public int Remaining { get; private set; }

    /// <summary>Whether some task still waits for a particular executor.</summary>
    public bool HasPinned => _pinned is { Count: > 0 };

    /// <summary>Takes the next task pinned to <paramref name="executor"/>, if any.</summary>
    public bool TryTakePinned(int executor, out int task)
    {
        task = -1;
        if (_pinned is null || !_pinned.TryGetValue(executor, out var queue))
        {
            return false;
        }

        task = queue.Dequeue();
        if (queue.Count == 0)
        {
            _pinned.Remove(executor);
        }

        Remaining--;
        return true;
    }

    /// <summary>The next task that may run anywhere, if any.</summary>
    public bool TryPeekAnywhere(out int task) => _anywhere.TryPeek(out task, out _);

    /// <summary>Takes the task <see cref="TryPeekAnywhere"/> gave.</summary>
    public int TakeAnywhere()
    {
        Remaining--;
        return _anywhere.Dequeue();
    }

    /// <summary>Executor <paramref name="executor"/> is gone: its pinned tasks may run anywhere (Spark recomputes or refetches their data).</summary>
    public void Release(int executor)
    {
        if (_pinned is not null && _pinned.Remove(executor, out var queue))
        {
            foreach (var task in queue)
            {
                _anywhere.Enqueue(task, task);
            }
        }
    }

    /// <summary>Every executor is gone: all pinned tasks may run anywhere.</summary>
    public void ReleaseAll()
    {
        foreach (var executor in _pinned?.Keys.ToArray() ?? [])
        {
            Release(executor);
        }
    }
}
