using Sync.Engine.Applications;

namespace Sync.Engine.Summaries;

/// <summary>Per-stage-attempt task statistics (durations, skew, volumes) for the longest stages.</summary>
internal static class StageStatistics
{
    public static IReadOnlyList<StageSummary> Top(SparkApplication app, int count)
    {
        var top = app.Stages
            .Where(s => s.DurationMs is not null)
            .OrderByDescending(s => s.DurationMs)
            .ThenBy(s => s.StageId)
            .Take(count)
            .ToList();
        var wanted = top.ToDictionary(s => (s.StageId, s.AttemptId), _ => new List<long>());
        var volumes = top.ToDictionary(s => (s.StageId, s.AttemptId), _ => new long[4]);
        foreach (var chunk in app.Tasks.Chunks)
        {
            foreach (ref readonly var t in chunk.Span)
            {
                if (wanted.TryGetValue((t.StageId, t.StageAttemptId), out var durations))
                {
                    durations.Add(Math.Max(0, t.DurationMs));
                    var v = volumes[(t.StageId, t.StageAttemptId)];
                    v[0] += t.InputBytes;
                    v[1] += t.ShuffleBytesRead;
                    v[2] += t.ShuffleBytesWritten;
                    v[3] += t.DiskBytesSpilled;
                }
            }
        }

        return top.Select(s =>
        {
            var durations = wanted[(s.StageId, s.AttemptId)];
            durations.Sort();
            var median = durations.Count == 0 ? 0 : durations[durations.Count / 2];
            var max = durations.Count == 0 ? 0 : durations[^1];
            var v = volumes[(s.StageId, s.AttemptId)];
            return new StageSummary(
                s.StageId, s.AttemptId, s.Name, s.DurationMs!.Value, durations.Count, durations.Sum(), median, max,
                median > 0 ? Math.Round((double)max / median, 2) : durations.Count > 0 ? 1 : 0,
                v[0], v[1], v[2], v[3], s.Outcome == StageOutcome.Failed);
        }).ToArray();
    }
}
