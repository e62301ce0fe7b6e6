using Sync.Engine.Applications;

namespace Sync.Engine.Summaries;

/// <summary>Executors and cores alive over the application's lifetime, and the core time they made available.</summary>
internal static class ExecutorTimeline
{
    /// <summary>A removal reason without its particulars (container ids, hosts after the first colon), so that reasons group.</summary>
    internal static string ReasonKind(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "(no reason given)";
        }

        var colon = reason.IndexOf(':');
        return (colon > 0 ? reason[..colon] : reason).Trim();
    }

    public static ExecutorSection Of(SparkApplication app, long start, long end)
    {
        // The driver runs tasks only in local mode, where it is the only "executor".
        var workers = app.Executors.Where(e => !e.IsDriver).ToList();
        var counted = workers.Count > 0 ? workers : app.Executors.Where(e => e.IsDriver).ToList();

        var changes = new List<(long Time, int Executors, int Cores)>();
        foreach (var e in counted)
        {
            var added = Math.Clamp(e.AddedTimeMs, start, end);
            var removed = Math.Clamp(e.RemovedTimeMs ?? end, added, end);
            changes.Add((added, 1, e.Cores));
            changes.Add((removed, -1, -e.Cores));
        }

        changes.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Executors.CompareTo(b.Executors));
        var timeline = new List<ExecutorTimelinePoint>();
        int executors = 0, cores = 0, maxExecutors = 0, maxCores = 0;
        long available = 0, last = start;
        foreach (var (time, de, dc) in changes)
        {
            available += (long)cores * (time - last);
            last = time;
            executors += de;
            cores += dc;
            maxExecutors = Math.Max(maxExecutors, executors);
            maxCores = Math.Max(maxCores, cores);
            if (timeline.Count > 0 && timeline[^1].TimeMs == time)
            {
                timeline[^1] = new ExecutorTimelinePoint(time, executors, cores);
            }
            else
            {
                timeline.Add(new ExecutorTimelinePoint(time, executors, cores));
            }
        }

        available += (long)cores * Math.Max(0, end - last);
        var removedReasons = counted
            .Where(e => e.RemovedTimeMs is not null)
            .GroupBy(e => ReasonKind(e.RemovedReason))
            .OrderByDescending(g => g.Count())
            .Select(g => new CountByReason(g.Key, g.Count()))
            .ToArray();

        return new ExecutorSection(
            counted.Count, maxExecutors, maxCores, counted.Select(e => e.Cores).Distinct().Order().ToArray(), available, removedReasons, timeline);
    }
}
