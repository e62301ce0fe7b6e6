using System.Globalization;
using System.Text;
using Sync.Engine.Applications;
using Sync.Engine.Recommendations;

namespace Sync.Engine.Reports;

/// <summary>
/// A <see cref="Recommendation"/> as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched):
/// the runtime/cost chart of every configuration with the front, the observed run, the named solutions and the
/// deadline; a timeline of the observed run (stages, cores available and busy); and the solutions with their changes,
/// intervals and warnings.
/// </summary>
public static class PredictionReport
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:820px;color:#1f2328}
        h1{font-size:1.4em;margin-bottom:0}h2{font-size:1.1em;margin-top:28px}.sub{color:#59636e;margin-top:4px}
        svg{width:100%;height:auto;border:1px solid #d1d9e0;border-radius:6px;background:#fff}
        .label{font-size:11px;fill:#59636e}.marker-label{font-size:12px;fill:#1f2328;font-weight:600}.deadline-label{font-size:11px;fill:#cf222e}
        .axes line,.axis{stroke:#8c959f;stroke-width:1}.candidate{fill:#8c959f;fill-opacity:.45}
        .front{fill:none;stroke:#0969da;stroke-width:2}.deadline{stroke:#cf222e;stroke-dasharray:6 4;stroke-width:1.5}
        .observed{fill:#1f2328}.solution{stroke:#fff;stroke-width:1.5}.performance{fill:#8250df}.balanced{fill:#1a7f37}.economy{fill:#bf8700}.within-deadline{fill:#cf222e}
        .stage.ok{fill:#54aeff}.stage.failed{fill:#ff8182}.cores-available{fill:none;stroke:#8c959f;stroke-width:1.5}.cores-busy{fill:none;stroke:#1a7f37;stroke-width:1.5}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #d1d9e0;padding:6px 8px;text-align:left;vertical-align:top}
        td.num{text-align:right;white-space:nowrap}ul{margin:0;padding-left:18px}.warn{color:#9a6700}
        """;

    /// <summary>Writes the report.</summary>
    /// <param name="app">The observed run's application (for its timeline).</param>
    /// <param name="recommendation">The recommendation made from it.</param>
    /// <param name="deadline">The deadline the recommendation was made for, if any.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(SparkApplication app, Recommendation recommendation, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(recommendation);
        var r = recommendation;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Sync prediction: {Svg.Escape(app.Info.Name)}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Svg.Escape(app.Info.Name)}</h1><p class=\"sub\">{Svg.Escape(app.Info.Id)} · observed {r.Observed.WorkerNodes} x {Svg.Escape(r.Observed.WorkerInstanceType)}, " +
                                                  $"{Svg.Duration(r.ObservedRuntimeMs)}, {r.Observed.Cost.TotalUsd:0.00} USD · {r.Candidates} configurations · reconstruction error {r.ReconstructionError:+0.0%;-0.0%;0.0%}</p>");
        html.Append("<h2>Runtime and cost of every configuration</h2>").Append(CostRuntimeChart.Svg(r, deadline));
        html.Append("<h2>Solutions</h2>").Append(SolutionsTable(r));
        html.Append("<p class=\"sub\">p10–p90: the spread of replays with resampled task durations, widened to how far the model has erred on " +
                    "ground truth for a prediction as far from the observed run, and by the reconstruction error.</p>");
        if (r.Warnings.Count > 0)
        {
            html.Append("<h2>Warnings</h2><ul class=\"warn\">");
            foreach (var w in r.Warnings)
            {
                html.Append("<li>").Append(Svg.Escape(w)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>The observed run</h2>").Append(RunTimelineChart.Svg(app));
        html.Append("<p class=\"sub\">Bars: stage attempts from submission to completion. Lines: executor cores available (grey) and busy running tasks (green).</p>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string SolutionsTable(Recommendation r)
    {
        var html = new StringBuilder("<table id=\"solutions\"><thead><tr><th>solution</th><th>workers</th><th>runtime (p10–p90)</th><th>cost</th><th>changes</th></tr></thead><tbody>");
        void Row(string name, Solution s)
        {
            var interval = s.Interval is { } i ? $" ({Svg.Duration(i.LowMs)} – {Svg.Duration(i.HighMs)})" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-solution=\"{name}\"><td>{name}</td><td>{s.WorkerNodes} x {Svg.Escape(s.WorkerInstanceType)}<br><span class=\"sub\">{s.Shape.Executors} executors x {s.Shape.CoresPerExecutor} cores</span></td>" +
                $"<td class=\"num\">{Svg.Duration(s.PredictedRuntimeMs)}{interval}</td><td class=\"num\">{s.Cost.TotalUsd:0.00} USD</td><td><ul>");
            foreach (var change in s.Changes.Concat(s.Warnings.Select(w => "⚠ " + w)))
            {
                html.Append("<li>").Append(Svg.Escape(change)).Append("</li>");
            }

            html.Append("</ul></td></tr>");
        }

        Row("observed", r.Observed with { PredictedRuntimeMs = r.ObservedRuntimeMs });
        Row("performance", r.Performance);
        Row("balanced", r.Balanced);
        Row("economy", r.Economy);
        if (r.WithinDeadline is { } withinDeadline)
        {
            Row("within-deadline", withinDeadline);
        }

        return html.Append("</tbody></table>").ToString();
    }
}
