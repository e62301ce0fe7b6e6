namespace Sync.Engine.Applications;

/// <summary>
/// Every finished task attempt of an application, in log order, stored as fixed-size chunks of
/// <see cref="TaskRecord"/> structs (no object per task, no doubling copy while growing), plus the string tables
/// that <see cref="TaskRecord"/> indexes into.
/// </summary>
public sealed class TaskTable
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private readonly List<TaskRecord[]> _chunks = [];
    private readonly StringTable _executorIds;
    private readonly StringTable _hosts;
    private readonly StringTable _failureReasons;

    internal TaskTable(StringTable executorIds, StringTable hosts, StringTable failureReasons)
    {
        _executorIds = executorIds;
        _hosts = hosts;
        _failureReasons = failureReasons;
    }

    /// <summary>Number of task attempts.</summary>
    public int Count { get; private set; }

    /// <summary>The task attempt at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>), by reference.</summary>
    /// <param name="index">Position in log order.</param>
    public ref readonly TaskRecord this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return ref _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    /// <summary>Executor ids referenced by <see cref="TaskRecord.ExecutorIndex"/>.</summary>
    public IReadOnlyList<string> ExecutorIds => _executorIds.Values;

    /// <summary>Hosts referenced by <see cref="TaskRecord.HostIndex"/>.</summary>
    public IReadOnlyList<string> Hosts => _hosts.Values;

    /// <summary>Failure descriptions referenced by <see cref="TaskRecord.FailureReasonIndex"/>.</summary>
    public IReadOnlyList<string> FailureReasons => _failureReasons.Values;

    /// <summary>The task attempts as consecutive spans, chunk by chunk, for fast scans.</summary>
    public IEnumerable<ReadOnlyMemory<TaskRecord>> Chunks
    {
        get
        {
            for (var i = 0; i < _chunks.Count && i << ChunkShift < Count; i++)
            {
                var length = Math.Min(ChunkSize, Count - (i << ChunkShift));
                yield return new ReadOnlyMemory<TaskRecord>(_chunks[i], 0, length);
            }
        }
    }


    internal ref TaskRecord AddUninitialized()
    {
        var chunk = Count >> ChunkShift;
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new TaskRecord[ChunkSize]);
        }

        ref var slot = ref _chunks[chunk][Count & (ChunkSize - 1)];
        Count++;
        slot = default;
        return ref slot;
    }

    internal void RemoveLast() => Count--;
}
