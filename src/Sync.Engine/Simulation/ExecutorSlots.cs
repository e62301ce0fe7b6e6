namespace Sync.Engine.Simulation;

/// <summary>
/// The free task slots of each executor of a <see cref="SimulationRun"/> that places tasks on particular executors,
/// and the set of executors with a free slot (taken and released in constant time).
/// </summary>
internal sealed class ExecutorSlots
{
    private readonly int[] _free;
    private readonly int[] _position;
    private readonly int[] _withFree;
    private int _count;

    /// <param name="executors">How many executors there can be (indices 0 to <paramref name="executors"/> − 1).</param>
    public ExecutorSlots(int executors)
    {
        _free = new int[executors];
        _position = Enumerable.Repeat(-1, executors).ToArray();
        _withFree = new int[executors];
    }

    /// <summary>How many executors have a free slot.</summary>
    public int WithFreeSlots => _count;

    /// <summary>The <paramref name="index"/>-th executor with a free slot (an arbitrary but deterministic order).</summary>
    public int ExecutorWithFreeSlot(int index) => _withFree[index];

    /// <summary>Executor <paramref name="executor"/> joins with <paramref name="slots"/> free slots.</summary>
    public void Add(int executor, int slots) => Change(executor, slots);

    /// <summary>
    /// Executor <paramref name="executor"/> leaves: its <paramref name="slots"/> slots are gone; the busy ones retire as
    /// their tasks finish (its free count stays at or below zero).
    /// </summary>
    public void Remove(int executor, int slots) => Change(executor, -slots);

    /// <summary>A task starts on <paramref name="executor"/>.</summary>
    public void Take(int executor) => Change(executor, -1);

    /// <summary>A task of <paramref name="executor"/> finished.</summary>
    public void Release(int executor) => Change(executor, 1);

    private void Change(int executor, int delta)
    {
        var had = _free[executor] > 0;
        _free[executor] += delta;
        var has = _free[executor] > 0;
        if (has && !had)
        {
            _position[executor] = _count;
            _withFree[_count++] = executor;
        }
        else if (had && !has)
        {
            var at = _position[executor];
            var last = _withFree[--_count];
            _withFree[at] = last;
            _position[last] = at;
            _position[executor] = -1;
        }
    }
}
