using Sync.Engine.Applications;

namespace Sync.Engine.Summaries;

/// <summary>Sums over every task attempt, computed in one scan of the <see cref="TaskTable"/>.</summary>
internal sealed class TaskTotals
{
    public int Failed, Killed, Speculative;
    public long TaskTimeMs, RunTimeMs, CpuTimeNs, GcTimeMs, InputBytes, OutputBytes, ShuffleReadBytes, ShuffleRemoteReadBytes, ShuffleWriteBytes, FetchWaitMs,
        MemorySpilled, DiskSpilled;

    private readonly Dictionary<int, int> _failureCounts = [];

    public static TaskTotals Of(TaskTable tasks)
    {
        var totals = new TaskTotals();
        foreach (var chunk in tasks.Chunks)
        {
            foreach (ref readonly var t in chunk.Span)
            {
                totals.Add(in t);
            }
        }

        return totals;
    }

    private void Add(in TaskRecord t)
    {
        switch (t.Status)
        {
            case TaskEndStatus.Failed:
                Failed++;
                break;
            case TaskEndStatus.Killed:
                Killed++;
                break;
        }

        if (t.FailureReasonIndex >= 0)
        {
            _failureCounts[t.FailureReasonIndex] = _failureCounts.GetValueOrDefault(t.FailureReasonIndex) + 1;
        }

        if (t.Speculative)
        {
            Speculative++;
        }

        TaskTimeMs += Math.Max(0, t.DurationMs);
        RunTimeMs += t.ExecutorRunTimeMs;
        CpuTimeNs += t.ExecutorCpuTimeNs;
        GcTimeMs += t.JvmGcTimeMs;
        InputBytes += t.InputBytes;
        OutputBytes += t.OutputBytes;
        ShuffleReadBytes += t.ShuffleBytesRead;
        ShuffleRemoteReadBytes += t.ShuffleRemoteBytesRead;
        ShuffleWriteBytes += t.ShuffleBytesWritten;
        FetchWaitMs += t.ShuffleFetchWaitTimeMs;
        MemorySpilled += t.MemoryBytesSpilled;
        DiskSpilled += t.DiskBytesSpilled;
    }

    public IReadOnlyList<CountByReason> TopFailureReasons(TaskTable tasks, int count) =>
        _failureCounts.OrderByDescending(f => f.Value).ThenBy(f => f.Key).Take(count)
            .Select(f => new CountByReason(tasks.FailureReasons[f.Key], f.Value)).ToArray();
}
