using System.Text.Json;

namespace Sync.Cli.Tests;

/// <summary><c>sync-cli eventlog simulate</c> and <c>accuracy</c> run as real processes.</summary>
public class EventLogSimulateTests
{
    private const string Sample = "samples/eventlogs/application_1538416563558_0014";

    // More executors are not always faster: each fresh executor pays its warm-up (docs/accuracy.md), and this log's
    // executors kept dying and restarting, so its warm-up is large; the engine's tests hold monotonicity on a CPU-bound
    // log (ScheduleSimulatorTests.MoreExecutorsNeverMakeARunSlower).
    [Fact]
    public async Task SimulatePrintsOnePredictionPerExecutorCountWithItsInterval()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", "1,2,4", "--output", "json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var predictions = json.RootElement.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal([1, 2, 4], predictions.Select(p => p.GetProperty("executors").GetInt32()));
        foreach (var prediction in predictions)
        {
            var wall = prediction.GetProperty("wallTimeMs").GetInt64();
            var interval = prediction.GetProperty("wallTimeIntervalMs");
            Assert.InRange(wall, interval.GetProperty("p10").GetInt64(), interval.GetProperty("p90").GetInt64());
        }

        Assert.Equal(82_758, json.RootElement.GetProperty("observed").GetProperty("wallTimeMs").GetInt64());
    }

    [Fact]
    public async Task StagesShowWhereEachPredictionsTimeGoesBesideTheObservedStage()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", "1,4", "--stages", "--output", "json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        foreach (var prediction in json.RootElement.GetProperty("predictions").EnumerateArray())
        {
            var stages = prediction.GetProperty("stages").EnumerateArray().ToList();
            Assert.NotEmpty(stages);
            var wall = prediction.GetProperty("wallTimeMs").GetInt64();
            Assert.All(stages, s =>
            {
                Assert.InRange(s.GetProperty("submittedMs").GetInt64(), 0, wall);
                Assert.InRange(s.GetProperty("durationMs").GetInt64(), 0, wall);
                Assert.True(s.GetProperty("observedDurationMs").GetInt64() >= 0);
            });
        }

        var (textExit, text, _) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", "2", "--stages");
        Assert.Equal(0, textExit);
        Assert.Contains("longest of", text);
        Assert.Contains("Observed", text);
    }

    [Fact]
    public async Task StagesSayHowManyTasksMissTheCacheWhenTheCachedDataNoLongerFits()
    {
        // KMeans, 16.4M samples, on 8 workers: every iteration read its partitions from the cache. Its 4-worker runs
        // recomputed 1 to 7 partitions per iteration stage (app-20151120033954-0000).
        const string log = "../shared/data/ground-truth/cemsbr-phd_notebook/data/hibench/kmeans/app-20151120043123-0000.zstd";
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "simulate", log, "--executors", "4,8", "--stages", "--output", "json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var predictions = json.RootElement.GetProperty("predictions").EnumerateArray().ToList();
        var onFour = predictions[0].GetProperty("stages").EnumerateArray().ToList();
        var onEight = predictions[1].GetProperty("stages").EnumerateArray().ToList();
        var iteration = onFour.Single(s => s.GetProperty("stageId").GetInt32() == 5);
        Assert.Equal(0, iteration.GetProperty("observedCacheMisses").GetInt32());
        Assert.InRange(iteration.GetProperty("cacheMisses").GetInt32(), 1, 7);
        Assert.All(onEight.Where(s => s.GetProperty("cacheMisses").ValueKind != JsonValueKind.Null), s => Assert.Equal(0, s.GetProperty("cacheMisses").GetInt32()));
        // The first stage computes the data it caches: it reads none.
        Assert.Equal(JsonValueKind.Null, onFour.Single(s => s.GetProperty("stageId").GetInt32() == 0).GetProperty("cacheMisses").ValueKind);

        var (textExit, text, _) = await CliProcess.RunAsync("eventlog", "simulate", log, "--executors", "4", "--stages");
        Assert.Equal(0, textExit);
        Assert.Contains("Cache misses", text);
        Assert.Matches(@"│\s+0 → [1-7]\s+│", text);
    }

    [Fact]
    public async Task APartitionCountSizedToTheObservedCoresFollowsThePredictionsUnlessKept()
    {
        // HiBench sort on 2 workers (ground truth, read from ../shared): spark.default.parallelism = its 4 cores, and the
        // reduce stage runs half as many tasks.
        const string log = "../shared/data/ground-truth/cemsbr-phd_notebook/data/hibench/sort/profiling/app-20151104214218-0000.zstd";

        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "simulate", log, "--executors", "16", "--output", "json");
        var (keptExit, kept, _) = await CliProcess.RunAsync("eventlog", "simulate", log, "--executors", "16", "--partitions", "keep", "--output", "json");

        Assert.True(exit == 0, stderr);
        Assert.Equal(0, keptExit);
        var followed = JsonDocument.Parse(stdout).RootElement.GetProperty("predictions")[0];
        var held = JsonDocument.Parse(kept).RootElement.GetProperty("predictions")[0];
        Assert.Equal(32, followed.GetProperty("defaultParallelism").GetInt32());
        Assert.Equal(4, held.GetProperty("defaultParallelism").GetInt32());
        // Two reduce tasks cannot use 32 slots; sixteen can.
        Assert.True(followed.GetProperty("wallTimeMs").GetInt64() * 2 < held.GetProperty("wallTimeMs").GetInt64());
    }

    [Fact]
    public async Task BandsMeasuredByTheScriptAreOnesTheAccuracyCommandLoads()
    {
        // HiBench sort 0.6 GB on 1, 2 and 4 workers, twice each (ground truth, read from ../shared): pairs across shapes
        // and repeats of each, as scripts/model-error-bands.py measures them from eventlog accuracy's JSON.
        var dir = Directory.CreateDirectory(Path.Combine(CliProcess.SyncHome, "bands-" + Guid.NewGuid().ToString("N"))).FullName;
        var manifest = Path.Combine(dir, "manifest.json");
        var root = Path.GetFullPath(Path.Combine(CliProcess.RepoRoot, "../shared/data/ground-truth/cemsbr-phd_notebook"));
        string[] runs =
        [
            "app-20151105074123-0000", "app-20151105074417-0000", "app-20151106054710-0000", "app-20151106054950-0000",
            "app-20151106072930-0000", "app-20151106073209-0000",
        ];
        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new
        {
            baseDirectory = Path.GetRelativePath(dir, root),
            sets = new[] { new { name = "sort 0.6 GB", runs = runs.Select(r => $"data/hibench/sort/profiling/{r}.zstd").ToArray() } },
        }));
        var (exit, report, stderr) = await CliProcess.RunAsync("eventlog", "accuracy", "--manifest", manifest, "--output", "json");
        Assert.True(exit == 0, stderr);
        await File.WriteAllTextAsync(Path.Combine(dir, "accuracy.json"), report);

        var (scriptExit, _, scriptErr) = await CliProcess.RunProgramAsync(
            "bash", CliProcess.RepoRoot, "-c", $"python3 scripts/model-error-bands.py 'test pairs' < '{dir}/accuracy.json' > '{dir}/bands.json'");
        Assert.True(scriptExit == 0, scriptErr);
        Assert.Contains("leave one set out", scriptErr);

        using var bands = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "bands.json")));
        Assert.Equal(6, bands.RootElement.GetProperty("sameSlots").GetProperty("pairs").GetInt32());
        Assert.Contains("test pairs", bands.RootElement.GetProperty("groundTruth").GetString());
        var (checkExit, check, checkErr) = await CliProcess.RunAsync("eventlog", "accuracy", "--manifest", manifest, "--model-error-bands", Path.Combine(dir, "bands.json"));
        Assert.True(checkExit == 0, checkErr);
        Assert.Contains("inside their predicted", check);
    }

    [Theory]
    [InlineData("0,2")]
    [InlineData("two")]
    [InlineData("")]
    public async Task SimulateRejectsBadExecutorLists(string list)
    {
        var (exit, _, _) = await CliProcess.RunAsync("eventlog", "simulate", Sample, "--executors", list);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task AccuracyWithAMissingManifestIsABadInputError()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "accuracy", "--manifest", "no/such/manifest.json");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error:", stderr);
    }
}

/// <summary><c>sync-cli predictions create</c> on the shipped Databricks sample, as the README tells a newcomer.</summary>
public class PredictionsCreateTests
{
    private static readonly string[] Sample =
        ["predictions", "create", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip", "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json"];

    [Fact]
    public async Task PrintsTheThreeSolutionsWithTheRecommendedOneMarked()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Sample);

        Assert.True(exit == 0, stderr);
        Assert.Contains("performance", stdout);
        Assert.Contains("balanced (recommended)", stdout);
        Assert.Contains("economy", stdout);
        Assert.Contains("Front (runtime", stdout);
    }

    [Fact]
    public async Task JsonHoldsARecommendedClusterReport()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync([.. Sample, "--preference", "economy", "--sla", "6m", "--output", "json"]);

        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var recommended = json.RootElement.GetProperty("recommended");
        Assert.True(recommended.GetProperty("predictedRuntimeMs").GetInt64() <= 6 * 60_000);
        Assert.Equal("aws-databricks", recommended.GetProperty("report").GetProperty("platform").GetString());
    }

    [Fact]
    public async Task AnSlaThatIsNotADurationIsRejected()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync([.. Sample, "--sla", "soon"]);

        Assert.NotEqual(0, exit);
        Assert.Contains("is not a duration such as 45m", stdout + stderr);
    }

    [Fact]
    public async Task AMissingReportIsABadInputErrorOnStandardError()
    {
        var args = Sample.ToArray();
        args[5] = "no/such/report.json";

        var (exit, stdout, stderr) = await CliProcess.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error:", stderr);
        Assert.Contains("report.json", stderr);
    }
}
