using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;
using Sync.Engine.Reports;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Reports;

/// <summary>The HTML prediction report's charts, read back as SVG and checked against the recommendation they draw.</summary>
public class PredictionReportTests
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    private static XElement Chart(string html, string id)
    {
        var match = Regex.Match(html, $"<svg id=\"{id}\".*?</svg>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no <svg id=\"{id}\">");
        return XElement.Parse(match.Value);
    }

    private static IEnumerable<XElement> WithClass(XElement svg, string name, string cssClass) =>
        svg.Descendants(SvgNs + name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    private static double Number(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheChartDrawsEveryCandidateTheFrontTheObservedRunTheSolutionsAndTheDeadline()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.Sample("eventlogs/databricks-9.1-m5.4xlarge.zip"));
        var report = ClusterReport.Parse(File.ReadAllText(TestPaths.Sample("reports/databricks-m5-4xlarge-4-workers.json")), "report");
        var deadline = TimeSpan.FromMinutes(6);
        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report, deadline);

        var html = PredictionReport.Html(app, r, deadline);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        var chart = Chart(html, "cost-runtime");
        Assert.Equal(r.All.Count, WithClass(chart, "circle", "candidate").Count());
        var front = WithClass(chart, "polyline", "front").Single();
        Assert.Equal(r.Front.Count, ((string)front.Attribute("points")!).Split(' ').Length);
        Assert.Single(WithClass(chart, "rect", "observed"));
        Assert.Single(WithClass(chart, "line", "deadline"));
        var solutions = chart.Descendants(SvgNs + "circle").Where(c => c.Attribute("data-solution") is not null)
            .ToDictionary(c => (string)c.Attribute("data-solution")!);
        Assert.Equal(["balanced", "economy", "performance", "within-deadline"], solutions.Keys.Order());
        // Faster is further left; cheaper is lower (larger y).
        Assert.True(Number(solutions["performance"], "cx") <= Number(solutions["economy"], "cx"));
        Assert.True(Number(solutions["economy"], "cy") >= Number(solutions["performance"], "cy"));
        // The deadline line sits right of the within-deadline solution.
        Assert.True(Number(WithClass(chart, "line", "deadline").Single(), "x1") >= Number(solutions["within-deadline"], "cx"));
    }

    [Fact]
    public async Task TheTimelineShowsTheStagesAndTheCoresOfTheObservedRun()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.Sample("eventlogs/application_1538416563558_0014"));
        var report = ClusterReport.Parse(File.ReadAllText(TestPaths.Sample("reports/emr-m5xlarge-1-master-4-core.json")), "report");
        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report);

        var html = PredictionReport.Html(app, r);

        var timeline = Chart(html, "run-timeline");
        Assert.Equal(app.Stages.Count(s => s.SubmissionTimeMs is not null), WithClass(timeline, "rect", "stage").Count());
        var busy = ((string)WithClass(timeline, "polyline", "cores-busy").Single().Attribute("points")!).Split(' ');
        var available = ((string)WithClass(timeline, "polyline", "cores-available").Single().Attribute("points")!).Split(' ');
        Assert.Equal(600, busy.Length);
        Assert.Equal(600, available.Length);
        Assert.Contains("<table id=\"solutions\">", html);
        Assert.Contains($"reconstruction error {r.ReconstructionError.ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture)}", html);
        Assert.Empty(WithClass(Chart(html, "cost-runtime"), "line", "deadline"));
    }
}
