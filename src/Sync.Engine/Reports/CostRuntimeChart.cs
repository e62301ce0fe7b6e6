using System.Globalization;
using System.Text;
using Sync.Engine.Recommendations;

namespace Sync.Engine.Reports;

/// <summary>
/// The runtime/cost chart of a <see cref="Recommendation"/> as inline SVG: every candidate as a dot, the Pareto front as
/// a line, the observed run and the named solutions marked, and the deadline as a vertical line when one was given.
/// </summary>
internal static class CostRuntimeChart
{
    private const double Width = 760, Height = 420, Left = 70, Right = 20, Top = 20, Bottom = 50;

    public static string Svg(Recommendation r, TimeSpan? deadline)
    {
        var points = r.All.Count > 0 ? r.All : r.Front;
        var named = Named(r).ToList();
        var xs = points.Select(s => (double)s.PredictedRuntimeMs).Concat(named.Select(n => (double)n.Solution.PredictedRuntimeMs)).Append(r.ObservedRuntimeMs).ToList();
        var ys = points.Select(s => s.Cost.TotalUsd).Concat(named.Select(n => n.Solution.Cost.TotalUsd)).ToList();
        if (deadline is { } d)
        {
            xs.Add(d.TotalMilliseconds);
        }

        double xMin = 0, xMax = xs.Max() * 1.05, yMin = 0, yMax = Math.Max(1e-6, ys.Max() * 1.05);
        double X(double ms) => Reports.Svg.Scale(ms, xMin, xMax, Left, Width - Right);
        double Y(double usd) => Reports.Svg.Scale(usd, yMin, yMax, Height - Bottom, Top);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"cost-runtime\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Predicted runtime against cost of every configuration\">");
        Axes(svg, xMin, xMax, yMin, yMax, X, Y);
        svg.Append("<g class=\"candidates\">");
        foreach (var s in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"candidate\" cx=\"{Reports.Svg.F(X(s.PredictedRuntimeMs))}\" cy=\"{Reports.Svg.F(Y(s.Cost.TotalUsd))}\" r=\"2.5\"><title>{Reports.Svg.Escape($"{s.WorkerNodes} x {s.WorkerInstanceType}, {s.Shape.Executors} x {s.Shape.CoresPerExecutor} cores: {Reports.Svg.Duration(s.PredictedRuntimeMs)}, {s.Cost.TotalUsd:0.00} USD")}</title></circle>");
        }

        svg.Append("</g>");
        var front = string.Join(" ", r.Front.Select(s => $"{Reports.Svg.F(X(s.PredictedRuntimeMs))},{Reports.Svg.F(Y(s.Cost.TotalUsd))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"front\" points=\"{front}\" />");
        if (deadline is { } deadlineValue)
        {
            var x = X(deadlineValue.TotalMilliseconds);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"deadline\" x1=\"{Reports.Svg.F(x)}\" y1=\"{Top}\" x2=\"{Reports.Svg.F(x)}\" y2=\"{Height - Bottom}\" />");
            Reports.Svg.Text(svg, x + 4, Top + 12, $"deadline {Reports.Svg.Duration(deadlineValue.TotalMilliseconds)}", "start", "deadline-label");
        }

        var observedX = X(r.ObservedRuntimeMs);
        var observedY = Y(r.Observed.Cost.TotalUsd);
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"observed\" x=\"{Reports.Svg.F(observedX - 5)}\" y=\"{Reports.Svg.F(observedY - 5)}\" width=\"10\" height=\"10\"><title>observed run (measured)</title></rect>");
        var labels = new MarkerLabels(Left, Width - Right, Top, Height - Bottom);
        labels.Place(svg, observedX, observedY, "observed");
        foreach (var (name, s) in named)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"solution {name}\" data-solution=\"{name}\" cx=\"{Reports.Svg.F(X(s.PredictedRuntimeMs))}\" cy=\"{Reports.Svg.F(Y(s.Cost.TotalUsd))}\" r=\"6\"><title>{name}</title></circle>");
        }

        // Solutions that are the same configuration share one label ("balanced, economy").
        foreach (var group in named.GroupBy(n => (n.Solution.PredictedRuntimeMs, n.Solution.Cost.TotalUsd)))
        {
            labels.Place(svg, X(group.Key.PredictedRuntimeMs), Y(group.Key.TotalUsd), string.Join(", ", group.Select(n => n.Name)));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<(string Name, Solution Solution)> Named(Recommendation r)
    {
        yield return ("performance", r.Performance);
        yield return ("balanced", r.Balanced);
        yield return ("economy", r.Economy);
        if (r.WithinDeadline is { } withinDeadline)
        {
            yield return ("within-deadline", withinDeadline);
        }
    }

    private static void Axes(StringBuilder svg, double xMin, double xMax, double yMin, double yMax, Func<double, double> x, Func<double, double> y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axes\"><line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" /><line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" />");
        foreach (var t in Reports.Svg.Ticks(xMin, xMax, 6))
        {
            Reports.Svg.Text(svg, x(t), Height - Bottom + 16, Reports.Svg.Duration(t));
        }

        foreach (var t in Reports.Svg.Ticks(yMin, yMax, 5))
        {
            Reports.Svg.Text(svg, Left - 6, y(t) + 4, t.ToString("0.##", CultureInfo.InvariantCulture), "end");
        }

        Reports.Svg.Text(svg, (Left + Width - Right) / 2, Height - 8, "predicted runtime");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Reports.Svg.F((Top + Height - Bottom) / 2)}\" transform=\"rotate(-90 14 {Reports.Svg.F((Top + Height - Bottom) / 2)})\" text-anchor=\"middle\" class=\"label\">cost (USD)</text></g>");
    }
}
