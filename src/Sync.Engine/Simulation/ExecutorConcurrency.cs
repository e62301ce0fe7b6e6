namespace Sync.Engine.Simulation;

/// <summary>
/// How many executors a run held at once, and when it first held each count. A run whose executors were lost and
/// replaced (YARN containers killed, spot nodes reclaimed) lists more executors than it ever ran at once; the k-th
/// executor of another configuration arrives when the observed run first held k, not when its k-th listed executor
/// (perhaps a replacement) joined.
/// </summary>
internal static class ExecutorConcurrency
{
    /// <summary>
    /// For k = 1 to the most executors held at once, the offset at which the run first held k (ascending; empty when
    /// there are no executors). An executor removed at the moment another joins is counted out first.
    /// </summary>
    /// <param name="executors">Each executor's join offset and, if it left, its removal offset.</param>
    public static List<long> FirstHeld(IEnumerable<(long OffsetMs, long? RemovedOffsetMs)> executors)
    {
        var changes = new List<(long At, int Delta)>();
        foreach (var (added, removed) in executors)
        {
            changes.Add((added, 1));
            if (removed is { } r)
            {
                changes.Add((Math.Max(r, added), -1));
            }
        }

        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
        var firstHeld = new List<long>();
        var alive = 0;
        foreach (var (at, delta) in changes)
        {
            alive += delta;
            if (alive > firstHeld.Count)
            {
                firstHeld.Add(at);
            }
        }

        return firstHeld;
    }
}
