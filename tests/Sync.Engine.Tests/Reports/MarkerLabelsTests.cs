using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Sync.Engine.Reports;

namespace Sync.Engine.Tests.Reports;

/// <summary>The chart's marker labels: beside their points, inside the plot, never on top of each other.</summary>
public class MarkerLabelsTests
{
    private const double Left = 70, Right = 740, Top = 20, Bottom = 370;

    /// <summary>The width a bold 12 px label takes at most per character, as the placement assumes.</summary>
    private const double CharWidth = 7.5;

    private static List<(string Text, double X1, double Y1, double X2, double Y2)> Boxes(StringBuilder svg) =>
        XElement.Parse($"<g>{svg}</g>").Elements("text").Select(t =>
        {
            var x = double.Parse((string)t.Attribute("x")!, CultureInfo.InvariantCulture);
            var y = double.Parse((string)t.Attribute("y")!, CultureInfo.InvariantCulture);
            return (t.Value, x, y - 12, x + t.Value.Length * CharWidth, y + 3);
        }).ToList();

    [Fact]
    public void LabelsOfCrowdedPointsNeitherOverlapNorLeaveThePlot()
    {
        var svg = new StringBuilder();
        var labels = new MarkerLabels(Left, Right, Top, Bottom);

        // As in the shipped sample: observed and performance on one spot, within-deadline just below, and the
        // balanced and economy solutions at the right edge of the plot.
        labels.Place(svg, 495, 340, "observed");
        labels.Place(svg, 495, 340, "performance");
        labels.Place(svg, 525, 352, "within-deadline");
        labels.Place(svg, 735, 360, "balanced, economy");
        labels.Place(svg, 100, 30, "top-left corner");

        var boxes = Boxes(svg);
        Assert.Equal(5, boxes.Count);
        foreach (var b in boxes)
        {
            Assert.True(b.X1 >= Left && b.X2 <= Right, $"'{b.Text}' leaves the plot horizontally: {b.X1}..{b.X2}");
            Assert.True(b.Y1 >= Top - 1 && b.Y2 <= Bottom + 1, $"'{b.Text}' leaves the plot vertically: {b.Y1}..{b.Y2}");
        }

        foreach (var a in boxes)
        {
            foreach (var b in boxes.Where(b => !ReferenceEquals(a.Text, b.Text)))
            {
                var overlap = a.X1 < b.X2 && a.X2 > b.X1 && a.Y1 < b.Y2 && a.Y2 > b.Y1;
                Assert.False(overlap, $"'{a.Text}' overlaps '{b.Text}'");
            }
        }

        // A label whose point has room on its right stays right beside it, on its line.
        var corner = boxes.Single(b => b.Text == "top-left corner");
        Assert.Equal(109, corner.X1);
    }
}
