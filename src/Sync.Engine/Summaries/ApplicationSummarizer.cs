using Sync.Engine.Applications;

namespace Sync.Engine.Summaries;

/// <summary>Computes an <see cref="ApplicationSummary"/> from a <see cref="SparkApplication"/>.</summary>
public static class ApplicationSummarizer
{
    /// <summary>The version of the <see cref="ApplicationSummary"/> shape this code writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Summarises <paramref name="app"/>.</summary>
    /// <param name="app">The application read from an event log.</param>
    /// <param name="topStages">How many of the longest stage attempts to list.</param>
    public static ApplicationSummary Summarize(SparkApplication app, int topStages = 10)
    {
        ArgumentNullException.ThrowIfNull(app);
        var start = app.Info.StartTimeMs;
        var end = app.EndTimeMs;
        var totals = TaskTotals.Of(app.Tasks);
        var executors = ExecutorTimeline.Of(app, start, end);
        var busyCoreMs = totals.TaskTimeMs * app.TaskCpus;
        var activeMs = TaskActiveTime(app.Tasks, start, end);
        var wall = app.WallTimeMs;

        return new ApplicationSummary(
            SchemaVersion,
            new ApplicationSection(app.Info.Id, app.Info.Name, app.Info.AttemptId, app.Info.User, app.Info.SparkVersion, start, end, app.Info.EndTimeMs is not null),
            new TimeSection(wall, activeMs, Math.Max(0, wall - activeMs)),
            executors,
            new TaskSection(
                app.Tasks.Count, totals.Failed, totals.Killed, totals.Speculative, app.UnfinishedTaskCount, totals.TaskTimeMs, busyCoreMs,
                Ratio(busyCoreMs, executors.AvailableCoreMs), totals.RunTimeMs, totals.CpuTimeNs / 1_000_000, totals.GcTimeMs,
                Ratio(totals.GcTimeMs, totals.RunTimeMs), totals.TopFailureReasons(app.Tasks, 5)),
            new IoSection(
                totals.InputBytes, totals.OutputBytes, totals.ShuffleReadBytes, totals.ShuffleRemoteReadBytes, totals.ShuffleWriteBytes,
                totals.FetchWaitMs, totals.MemorySpilled, totals.DiskSpilled),
            new JobSection(
                app.Jobs.Count, app.Jobs.Count(j => j.Outcome == JobOutcome.Failed),
                app.Stages.Count(s => s.Outcome != StageOutcome.Skipped), app.Stages.Count(s => s.Outcome == StageOutcome.Failed),
                app.Stages.Where(s => s.Outcome == StageOutcome.Skipped).Select(s => s.StageId).Distinct()
                    .Count(id => !app.Stages.Any(o => o.StageId == id && o.Outcome != StageOutcome.Skipped)),
                app.SqlExecutions.Count),
            StageStatistics.Top(app, topStages),
            new ReadSection(
                app.ReadReport.Layout.ToString(),
                app.ReadReport.Parts.Select(p => new PartSummary(p.Name, p.Codec.ToString(), p.CompressedBytes, p.DecompressedBytes, p.Lines)).ToArray(),
                app.ReadReport.TotalEvents, app.ReadReport.UnknownEventCounts, app.ReadReport.MalformedLineCount, app.ReadReport.IsIncomplete,
                app.ReadReport.Warnings));
    }

    internal static double Ratio(long part, long whole) => whole <= 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>Length of the union of all task intervals, clipped to the application's lifetime.</summary>
    internal static long TaskActiveTime(TaskTable tasks, long start, long end)
    {
        var intervals = new (long From, long To)[tasks.Count];
        var n = 0;
        foreach (var chunk in tasks.Chunks)
        {
            foreach (ref readonly var t in chunk.Span)
            {
                var from = Math.Max(start, t.LaunchTimeMs);
                var to = Math.Min(end, t.FinishTimeMs);
                if (to > from)
                {
                    intervals[n++] = (from, to);
                }
            }
        }

        Array.Sort(intervals, 0, n, Comparer<(long From, long To)>.Create((a, b) => a.From.CompareTo(b.From)));
        long total = 0, currentFrom = long.MinValue, currentTo = long.MinValue;
        for (var i = 0; i < n; i++)
        {
            var (from, to) = intervals[i];
            if (from > currentTo)
            {
                total += currentTo - currentFrom;
                (currentFrom, currentTo) = (from, to);
            }
            else if (to > currentTo)
            {
                currentTo = to;
            }
        }

        return total + (currentTo - currentFrom);
    }
}
