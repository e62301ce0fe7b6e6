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

        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report, searchInstanceTypes: false);

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
        Assert.Equal((r.Observed.PredictedRuntimeMs - r.ObservedRuntimeMs) / (double)r.ObservedRuntimeMs, r.ReconstructionError);
        Assert.Equal(Math.Abs(r.ReconstructionError), r.Balanced.Interval.ModelErrorShare, 9);
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

        var economy = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report, searchInstanceTypes: false).Economy;

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

        Assert.DoesNotContain(matching.Warnings, w => w.Contains("do not fit"));
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

    [Fact]
    public async Task OtherWorkerTypesOfTheSameGenerationAreSearchedAndShareSimulations()
    {
        var (app, report) = await DatabricksSample();

        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report);

        var types = r.All.Select(s => s.WorkerInstanceType).Distinct().ToList();
        Assert.Contains("m5.4xlarge", types);
        Assert.Contains(types, t => t.StartsWith("r5", StringComparison.Ordinal));
        Assert.Contains(types, t => t.StartsWith("c5", StringComparison.Ordinal));
        Assert.All(types, t => Assert.True(InstanceCatalog.BuiltIn.TryGet(t, out var type) && type.Generation == 5 && type.DatabricksDbuPerHour is not null, t));
        Assert.Equal(r.Candidates, r.All.Count);
        // Types with the same vCPUs share executor shapes (c5.4xlarge and m5.4xlarge: 16-core executors) where the cache
        // does not come into play, and so share simulations.
        Assert.True(r.DistinctSimulations < r.Candidates);
        var other = r.All.First(s => s.WorkerInstanceType != "m5.4xlarge");
        Assert.Null(other.Report.Nodes[^1].SpotPriceUsdPerHour);
        Assert.Contains($"workers: 4 x m5.4xlarge → {other.WorkerNodes} x {other.WorkerInstanceType}", other.Changes);
        Assert.Equal(r.Balanced.WorkerInstanceType, r.Balanced.PlatformConfiguration?["node_type_id"]?.GetValue<string>());
        Assert.Equal(r.Balanced.WorkerNodes, r.Balanced.PlatformConfiguration?["num_workers"]?.GetValue<int>());
    }

    [Fact]
    public async Task MoreMemoryPerCoreSpeedsUpARunWhoseCachedDataDidNotFit()
    {
        // One 4-core executor on a c5.xlarge (8 GiB): half of the cached partitions did not fit and were recomputed.
        (long, long, string)[] Wave(long from, string method, long duration) => Enumerable.Range(0, 4).Select(_ => (from, from + duration, method)).ToArray();
        var app = await new SyntheticLog(endMs: 30_000, new Dictionary<string, string> { ["spark.executor.memory"] = "6g" })
            .Executor("1", cores: 4, addedMs: 0).BlockManager("1", maxMemory: 3_000_000_000)
            .CachingStage(0, 0, 30_000, cachedBytes: 3_000_000_000, [.. Wave(0, "Memory", 1_000), .. Wave(1_000, "Hadoop", 29_000)])
            .ReadAsync();
        var start = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var report = new ClusterReport(1, "aws-emr", "us-east-1", [new NodeGroup("master", "m5.xlarge", 1), new NodeGroup("core", "c5.xlarge", 1)],
            "emr-6.15.0", false, new Dictionary<string, string> { ["spark.executor.memory"] = "6g" },
            new ClusterTimeline(start, start.AddMinutes(5), start.AddMinutes(5), start.AddMinutes(6)));

        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report);

        var c5 = r.All.Single(s => s.WorkerInstanceType == "c5.xlarge" && s.WorkerNodes == 1 && s.Shape.CoresPerExecutor == 4);
        var r5 = r.All.Single(s => s.WorkerInstanceType == "r5.xlarge" && s.WorkerNodes == 1 && s.Shape.CoresPerExecutor == 4);
        Assert.Equal(30_000, c5.PredictedRuntimeMs);
        // 4x the memory per executor: every partition stays cached, 8 tasks of 1 s on 4 cores.
        Assert.Equal(2_000, r5.PredictedRuntimeMs);
        Assert.Contains("spark.executor.memory: 6g → 24576m", r5.Changes);
        Assert.Equal("24576m", r5.Report.SparkConf!["spark.executor.memory"]);
        // EMR executors are also tried at 2 cores: two per node, each with half the node's memory and storage.
        var r5Halves = r.All.Single(s => s.WorkerInstanceType == "r5.xlarge" && s.WorkerNodes == 1 && s.Shape.CoresPerExecutor == 2);
        Assert.Equal(2, r5Halves.Shape.Executors);
        Assert.Equal(2_000, r5Halves.PredictedRuntimeMs);
        Assert.Contains("spark.executor.cores: (unset) → 2", r5Halves.Changes);
        Assert.Contains("spark.executor.memory: 6g → 12288m", r5Halves.Changes);
    }

    [Fact]
    public async Task PartitionSettingsSizedToTheClusterFollowACandidatesCores()
    {
        // spark.default.parallelism set to the run's 4 cores; the shuffle stage's 4 tasks of 8 s follow it.
        (long, long)[] Tasks(long from, long duration) => Enumerable.Range(0, 4).Select(_ => (from, from + duration)).ToArray();
        var conf = new Dictionary<string, string> { ["spark.default.parallelism"] = "4" };
        var app = await new SyntheticLog(endMs: 9_000, conf)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 0, 1_000, Tasks(0, 1_000))
            .Stage(1, [0], 1_000, 9_000, Tasks(1_000, 8_000))
            .ReadAsync();
        var start = DateTimeOffset.Parse("2026-11-20T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var report = new ClusterReport(1, "aws-emr", "us-east-1", [new NodeGroup("master", "m5.xlarge", 1), new NodeGroup("core", "c5.xlarge", 1)],
            "emr-6.15.0", false, conf, new ClusterTimeline(start, start.AddMinutes(5), start.AddMinutes(5), start.AddMinutes(6)));

        var r = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, report, searchInstanceTypes: false);

        var two = r.All.Single(s => s.WorkerNodes == 2 && s.Shape.CoresPerExecutor == 4);
        Assert.Equal(8, two.Shape.DefaultParallelism);
        Assert.Contains("spark.default.parallelism: 4 → 8", two.Changes);
        Assert.Equal("8", two.Report.SparkConf!["spark.default.parallelism"]);
        // The 1 s map stage, then 8 tasks of 4 s on 8 slots.
        Assert.Equal(5_000, two.PredictedRuntimeMs);
        var one = r.All.Single(s => s.WorkerNodes == 1 && s.Shape.CoresPerExecutor == 4);
        Assert.DoesNotContain(one.Changes, c => c.StartsWith("spark.default.parallelism", StringComparison.Ordinal));
        Assert.Equal(9_000, one.PredictedRuntimeMs);
    }

    [Theory]
    [InlineData(4, 4, 8, 8)] // one partition per core
    [InlineData(12, 4, 8, 24)] // three per core
    [InlineData(20, 4, 8, 20)] // five per core: sized to the data, not the cluster
    [InlineData(6, 4, 8, 6)] // not a multiple of the cores
    [InlineData(200, 8, 16, 200)] // Spark SQL's default
    [InlineData(null, 4, 8, null)] // unset: Spark's own default follows the cores already
    public void OnlyAPartitionCountSizedToTheObservedCoresIsScaled(int? value, int observedCores, int candidateCores, int? expected)
    {
        Assert.Equal(expected, PartitionScaling.Scaled(value, observedCores, candidateCores));
    }
}
