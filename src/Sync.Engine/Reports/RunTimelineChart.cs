using System.Globalization;
using System.Text;
using Sync.Engine.Applications;

namespace Sync.Engine.Reports;

/// <summary>
/// The observed run over time as inline SVG: stage attempts as bars (packed into lanes, longest first when there are
/// too many to show), and below them the executor cores available against the cores busy running tasks.
/// </summary>
internal static class RunTimelineChart
{
    private const double Width = 760, Left = 70, Right = 20, LaneHeight = 9, CoresHeight = 140;
    private const int MaxLanes = 40, Buckets = 300, MaxStages = 400;

    public static string Svg(SparkApplication app)
    {
        var start = app.Info.StartTimeMs;
        var wall = Math.Max(1, app.WallTimeMs);
        double X(double offsetMs) => Reports.Svg.Scale(offsetMs, 0, wall, Left, Width - Right);

        var stages = app.Stages
            .Where(s => s.SubmissionTimeMs is not null)
            .Select(s => (Stage: s, From: s.SubmissionTimeMs!.Value - start, To: (s.CompletionTimeMs ?? app.EndTimeMs) - start))
            .OrderByDescending(s => s.To - s.From).Take(MaxStages)
            .OrderBy(s => s.From).ToList();
        var laneEnds = new List<long>();
        var placed = new List<(StageAttemptInfo Stage, long From, long To, int Lane)>();
        foreach (var (stage, from, to) in stages)
        {
            var lane = laneEnds.FindIndex(end => end <= from);
            if (lane < 0 && laneEnds.Count < MaxLanes)
            {
                laneEnds.Add(0);
                lane = laneEnds.Count - 1;
            }

            if (lane < 0)
            {
                continue;
            }

            laneEnds[lane] = to;
            placed.Add((stage, from, to, lane));
        }

        var stagesHeight = Math.Max(1, laneEnds.Count) * LaneHeight + 10;
        var coresTop = 20 + stagesHeight + 20;
        var height = coresTop + CoresHeight + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"run-timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Reports.Svg.F(height)}\" role=\"img\" aria-label=\"Stages and executor cores of the observed run over time\">");
        Reports.Svg.Text(svg, Left - 6, 20 + 8, "stages", "end");
        foreach (var (stage, from, to, lane) in placed)
        {
            var x = X(from);
            var w = Math.Max(1, X(to) - x);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"stage {(stage.Outcome == StageOutcome.Failed ? "failed" : "ok")}\" x=\"{Reports.Svg.F(x)}\" y=\"{Reports.Svg.F(20 + lane * LaneHeight)}\" width=\"{Reports.Svg.F(w)}\" height=\"{LaneHeight - 2}\"><title>{Reports.Svg.Escape($"stage {stage.StageId}.{stage.AttemptId} {stage.Name}: {stage.TaskCount} tasks, {Reports.Svg.Duration(to - from)}")}</title></rect>");
        }

        var (available, busy) = Cores(app, start, wall);
        var maxCores = Math.Max(1, Math.Max(available.Max(), busy.Max()));
        double Y(double cores) => Reports.Svg.Scale(cores, 0, maxCores * 1.1, coresTop + CoresHeight, coresTop);
        string Steps(double[] values) => string.Join(" ", values.SelectMany((v, i) => new[]
        {
            $"{Reports.Svg.F(X(i * (double)wall / Buckets))},{Reports.Svg.F(Y(v))}",
            $"{Reports.Svg.F(X((i + 1) * (double)wall / Buckets))},{Reports.Svg.F(Y(v))}",
        }));
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{Left}\" y1=\"{Reports.Svg.F(coresTop + CoresHeight)}\" x2=\"{Width - Right}\" y2=\"{Reports.Svg.F(coresTop + CoresHeight)}\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"cores-available\" points=\"{Steps(available)}\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"cores-busy\" points=\"{Steps(busy)}\" />");
        Reports.Svg.Text(svg, Left - 6, Y(maxCores) + 4, maxCores.ToString("0", CultureInfo.InvariantCulture), "end");
        Reports.Svg.Text(svg, Left - 6, coresTop + CoresHeight, "0", "end");
        Reports.Svg.Text(svg, Left - 6, coresTop - 6, "cores", "end");
        foreach (var t in Reports.Svg.Ticks(0, wall, 6))
        {
            Reports.Svg.Text(svg, X(t), coresTop + CoresHeight + 16, Reports.Svg.Duration(t));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Average cores available (executors alive) and busy (tasks running) in each of <see cref="Buckets"/> equal slices of the run.</summary>
    private static (double[] Available, double[] Busy) Cores(SparkApplication app, long start, long wall)
    {
        var width = wall / (double)Buckets;
        var available = new double[Buckets];
        var busy = new double[Buckets];
        void Add(double[] into, long from, long to, double weight)
        {
            from = Math.Clamp(from, 0, wall);
            to = Math.Clamp(to, 0, wall);
            for (var b = (int)Math.Min(Buckets - 1, from / width); b < Buckets && b * width < to; b++)
            {
                var overlap = Math.Min(to, (b + 1) * width) - Math.Max(from, b * width);
                if (overlap > 0)
                {
                    into[b] += weight * overlap / width;
                }
            }
        }

        foreach (var e in app.Executors.Where(e => !e.IsDriver || app.Executors.Count == 1))
        {
            Add(available, e.AddedTimeMs - start, (e.RemovedTimeMs ?? app.EndTimeMs) - start, e.Cores);
        }

        var taskCpus = Math.Max(1, app.TaskCpus);
        foreach (var chunk in app.Tasks.Chunks)
        {
            foreach (ref readonly var t in chunk.Span)
            {
                Add(busy, t.LaunchTimeMs - start, t.FinishTimeMs - start, taskCpus);
            }
        }

        return (available, busy);
    }
}
