using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Recommendations;

public class RecommenderTests
{
    private static async Task<(Sync.Engine.Applications.SparkApplication App, ClusterReport Report)> DatabricksSample()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.Sample("eventlogs/databricks-9.1-m5.4xlarge.zip"));
        var report = ClusterReport.Parse(File.ReadAllText(TestPaths.Sample("reports/databricks-m5-4xlarge-4-workers.json")), "report");
        return (app, report);
    }

    [Fact]
    public async Task TheFrontIsParetoOptimalAndTheNamedSolutionsAreItsEnds()
    {
        var (app, report) = await DatabricksSample();

        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report);

        Assert.Equal(16, r.Candidates);
        for (var i = 1; i < r.Front.Count; i++)
        {
            Assert.True(r.Front[i].PredictedRuntimeMs >= r.Front[i - 1].PredictedRuntimeMs);
            Assert.True(r.Front[i].Cost.TotalUsd < r.Front[i - 1].Cost.TotalUsd, "a slower front member must be cheaper");
        }

        Assert.Equal(r.Front.Min(s => s.PredictedRuntimeMs), r.Performance.PredictedRuntimeMs);
        Assert.Equal(r.Front.Min(s => s.Cost.TotalUsd), r.Economy.Cost.TotalUsd);
        Assert.Contains(r.Front, s => s.WorkerNodes == r.Balanced.WorkerNodes);
        Assert.NotNull(r.Balanced.Interval);
        Assert.Equal(4, r.Observed.WorkerNodes);
    }

    [Fact]
    public async Task TheDeadlineSolutionIsTheCheapestThatMeetsIt()
    {
        var (app, report) = await DatabricksSample();
        var recommender = new Recommender(InstanceCatalog.BuiltIn);
        var all = recommender.Recommend(app, report);
        var deadline = TimeSpan.FromMilliseconds((all.Performance.PredictedRuntimeMs + all.Economy.PredictedRuntimeMs) / 2);

        var r = recommender.Recommend(app, report, deadline);

        Assert.NotNull(r.WithinDeadline);
        Assert.True(r.WithinDeadline.PredictedRuntimeMs <= deadline.TotalMilliseconds);
        Assert.Equal(r.Front.Where(s => s.PredictedRuntimeMs <= deadline.TotalMilliseconds).Min(s => s.Cost.TotalUsd), r.WithinDeadline.Cost.TotalUsd);
        Assert.Same(r.WithinDeadline, r.For(Preference.Economy));
    }

    [Fact]
    public async Task ASolutionsReportKeepsEverythingButTheWorkerCountAndBilledTime()
    {
        var (app, report) = await DatabricksSample();

        var economy = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report).Economy;

        Assert.Equal(report.Platform, economy.Report.Platform);
        Assert.Equal(report.RuntimeVersion, economy.Report.RuntimeVersion);
        Assert.Contains(economy.Report.Nodes, n => n.Role == "driver" && n.InstanceType == "m5.xlarge" && n.Count == 1);
        var workers = Assert.Single(economy.Report.Nodes, n => n.Role == "worker");
        Assert.Equal(economy.WorkerNodes, workers.Count);
        Assert.Equal(0.30, workers.SpotPriceUsdPerHour);
    }

    [Fact]
    public async Task RecommendationsAreDeterministic()
    {
        var (app, report) = await DatabricksSample();
        var recommender = new Recommender(InstanceCatalog.BuiltIn);

        var a = recommender.Recommend(app, report);
        var b = recommender.Recommend(app, report);

        Assert.Equal(a.Front.Select(s => (s.WorkerNodes, s.PredictedRuntimeMs, s.Cost.TotalUsd)), b.Front.Select(s => (s.WorkerNodes, s.PredictedRuntimeMs, s.Cost.TotalUsd)));
    }

    [Fact]
    public async Task ALogThatDoesNotFitTheReportIsFlagged()
    {
        var (app, report) = await DatabricksSample();
        var small = report with { Nodes = report.Nodes.Select(n => n.Role == "worker" ? n with { InstanceType = "m5.large" } : n).ToArray() };

        var matching = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report);
        var mismatched = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, small);

        Assert.Empty(matching.Warnings);
        Assert.Contains(mismatched.Warnings, w => w.Contains("do not fit") && w.Contains("m5.large"));
    }

    [Fact]
    public async Task AReportWithoutWorkersIsRejected()
    {
        var (app, report) = await DatabricksSample();
        var driverOnly = report with { Nodes = report.Nodes.Where(n => n.Role == "driver").ToArray() };

        var error = Assert.Throws<InvalidDataException>(() => new Recommender(InstanceCatalog.BuiltIn).Recommend(app, driverOnly));
        Assert.Contains("no worker nodes", error.Message);
    }
}
