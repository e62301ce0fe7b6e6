using System.Globalization;
using Spectre.Console;
using Sync.Engine.Applications;
using Sync.Engine.Simulation;

namespace Sync.Cli.Rendering;

/// <summary>Renders where a prediction's time goes (<see cref="StageTiming"/>) as a table for a terminal.</summary>
internal static class StageTimingRenderer
{
    /// <summary>The longest stages of one prediction, beside what they took in the observed run.</summary>
    public static Table Table(
        ClusterShape shape, IReadOnlyList<StageTiming> stages, Dictionary<(int StageId, int AttemptId), StageAttemptInfo> observed)
    {
        const int Longest = 10;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{shape}: {Math.Min(Longest, stages.Count)} longest of {stages.Count} stages")
            .AddColumn("Stage").AddColumn("Name")
            .AddColumn(new TableColumn("Tasks").RightAligned())
            .AddColumn(new TableColumn("Observed").RightAligned())
            .AddColumn(new TableColumn("Predicted").RightAligned())
            .AddColumn(new TableColumn("Starts at").RightAligned());
        var cached = stages.Any(s => s.CacheMisses is not null);
        if (cached)
        {
            table.AddColumn(new TableColumn("Cache misses").RightAligned());
        }

        foreach (var stage in stages.OrderByDescending(s => s.DurationMs).ThenBy(s => s.StageId).Take(Longest))
        {
            var seen = observed.GetValueOrDefault((stage.StageId, stage.AttemptId));
            var tasks = seen is null || seen.TaskCount == stage.Tasks
                ? stage.Tasks.ToString(CultureInfo.InvariantCulture)
                : $"{seen.TaskCount} → {stage.Tasks}";
            string[] cells =
            [
                $"{stage.StageId}.{stage.AttemptId}", Markup.Escape(Format.Truncate(seen?.Name ?? "", 40)), tasks,
                seen?.DurationMs is { } ms ? Format.Duration(ms) : "-", Format.Duration(stage.DurationMs), Format.Duration(stage.SubmittedMs),
            ];
            table.AddRow(cached ? [.. cells, CacheMisses(stage)] : cells);
        }

        return table;
    }

    /// <summary>The observed and predicted tasks that missed the cache, one figure when they are the same.</summary>
    private static string CacheMisses(StageTiming stage) => (stage.ObservedCacheMisses, stage.CacheMisses) switch
    {
        (null, _) or (_, null) => "-",
        var (observed, predicted) when observed == predicted => predicted.Value.ToString(CultureInfo.InvariantCulture),
        var (observed, predicted) => $"{observed} → {predicted}",
    };
}
