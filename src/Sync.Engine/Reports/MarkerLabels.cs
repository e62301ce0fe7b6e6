using System.Text;

namespace Sync.Engine.Reports;

/// <summary>
/// Places the marker labels of <see cref="CostRuntimeChart"/> beside their points without overlapping each other or
/// leaving the plot: right of the point, else left of it, then a line above or below, further each time.
/// </summary>
internal sealed class MarkerLabels(double left, double right, double top, double bottom)
{
    private const double CharWidth = 7.5, LineHeight = 15;
    private readonly List<(double X1, double Y1, double X2, double Y2)> _placed = [];

    /// <summary>Writes <paramref name="text"/> as a label of the point (<paramref name="x"/>, <paramref name="y"/>) at the first free place.</summary>
    public void Place(StringBuilder svg, double x, double y, string text)
    {
        var width = text.Length * CharWidth;
        var sides = new[] { x + 9, x - 9 - width }.Where(start => start >= left && start + width <= right).DefaultIfEmpty(Math.Max(left, right - width));
        // Beside the point first, then a line above or below it, further each time; right before left.
        var candidates =
            from step in Enumerable.Range(0, 9)
            let baseline = y + 4 + (step == 0 ? 0 : (step % 2 == 1 ? -1 : 1) * ((step + 1) / 2) * LineHeight)
            where baseline - LineHeight + 3 >= top && baseline + 3 <= bottom
            from start in sides
            select (Start: start, Baseline: baseline);
        var (chosenStart, chosenBaseline) = candidates.Cast<(double Start, double Baseline)?>()
            .FirstOrDefault(c => !Overlaps(c!.Value.Start, c.Value.Baseline, width)) ?? (sides.First(), y + 4);
        _placed.Add((chosenStart, chosenBaseline - LineHeight + 3, chosenStart + width, chosenBaseline + 3));
        Svg.Text(svg, chosenStart, chosenBaseline, text, "start", "marker-label");
    }

    private bool Overlaps(double start, double baseline, double width) =>
        _placed.Any(p => start < p.X2 && start + width > p.X1 && baseline - LineHeight + 3 < p.Y2 && baseline + 3 > p.Y1);
}
