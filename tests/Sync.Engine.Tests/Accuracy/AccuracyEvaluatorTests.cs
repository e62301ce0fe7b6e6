using Sync.Engine.Accuracy;
using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Accuracy;

public class AccuracyEvaluatorTests
{
    [Fact]
    public async Task EveryOrderedPairOfDifferentShapesIsPredictedAndEveryRunReconstructed()
    {
        // Three HiBench sort runs of the ground-truth set (read from ../shared, never copied): 1, 2 and 4 workers, 0.6 GB.
        var root = GroundTruthCsv.Root;
        var runs = SortProfilingRunsOfAbout600Mb()
            .GroupBy(f => f["worker_hosts"]).OrderBy(g => int.Parse(g.Key)).Select(g => g.First()["file"]).Take(3).ToList();
        Assert.Equal(3, runs.Count);
        using var dir = new TempDirectory();
        var manifestPath = Path.Combine(dir.Path, "manifest.json");
        var manifest = new AccuracyManifest(Path.GetRelativePath(dir.Path, root), [new AccuracySet("sort 0.6 GB", runs)]);

        var report = await AccuracyEvaluator.EvaluateAsync(manifest, manifestPath);

        Assert.Equal(3, report.Runs.Count);
        Assert.Equal(6, report.Pairs.Count);
        Assert.All(report.Pairs, p => Assert.NotEqual(p.FromShape, p.ToShape));
        Assert.All(report.Pairs, p => Assert.Equal((double)(p.PredictedMs - p.ActualMs) / p.ActualMs, p.Error, 9));
        Assert.All(report.Runs, r => Assert.True(Math.Abs(r.Error) <= 0.05, $"{r.Path}: {r.Error:P1}"));
        Assert.All(report.Pairs, p => Assert.InRange(p.PredictedMs, p.IntervalLowMs, p.IntervalHighMs));
        Assert.Equal(report.Pairs.Count(p => p.ActualMs >= p.IntervalLowMs && p.ActualMs <= p.IntervalHighMs) / 6.0, report.IntervalCoverage, 9);
        Assert.Equal(6, report.CrossConfiguration.Count);
        Assert.Equal(0, report.RepeatNoise.Count);
    }

    [Fact]
    public async Task RepeatsOfOneShapeMeasureTheNoiseFloorNotTheModel()
    {
        var root = GroundTruthCsv.Root;
        var repeats = SortProfilingRunsOfAbout600Mb().Where(f => f["worker_hosts"] == "2")
            .Take(2).Select(f => (File: f["file"], DurationMs: long.Parse(f["duration_ms"]))).ToList();
        using var dir = new TempDirectory();
        var manifest = new AccuracyManifest(Path.GetRelativePath(dir.Path, root), [new AccuracySet("sort 0.6 GB, 2 workers", repeats.Select(r => r.File).ToList())]);

        var report = await AccuracyEvaluator.EvaluateAsync(manifest, Path.Combine(dir.Path, "manifest.json"));

        Assert.Empty(report.Pairs);
        Assert.Equal(2, report.RepeatNoise.Count);
        var expected = Math.Abs((repeats[0].DurationMs - repeats[1].DurationMs) / (double)repeats[1].DurationMs);
        Assert.Equal(Math.Max(expected, Math.Abs((repeats[1].DurationMs - repeats[0].DurationMs) / (double)repeats[0].DurationMs)), report.RepeatNoise.P90, 9);
    }

    [Fact]
    public async Task IntervalsWithoutTheModelsErrorAreNarrowerAndHoldFewerRuns()
    {
        var root = GroundTruthCsv.Root;
        var runs = SortProfilingRunsOfAbout600Mb()
            .GroupBy(f => f["worker_hosts"]).OrderBy(g => int.Parse(g.Key)).Select(g => g.First()["file"]).Take(3).ToList();
        using var dir = new TempDirectory();
        var manifest = new AccuracyManifest(Path.GetRelativePath(dir.Path, root), [new AccuracySet("sort 0.6 GB", runs)]);
        var scheduleOnly = ModelErrorBands.Load(Path.Combine(TestPaths.RepoRoot, "bench", "accuracy", "schedule-spread-only.bands.json"));

        var withBands = await AccuracyEvaluator.EvaluateAsync(manifest, Path.Combine(dir.Path, "manifest.json"));
        var without = await AccuracyEvaluator.EvaluateAsync(manifest, Path.Combine(dir.Path, "manifest.json"), bands: scheduleOnly);

        Assert.Equal(withBands.Pairs.Select(p => p.PredictedMs), without.Pairs.Select(p => p.PredictedMs));
        Assert.All(withBands.Pairs.Zip(without.Pairs), pair =>
        {
            Assert.True(pair.First.IntervalLowMs <= pair.Second.IntervalLowMs && pair.First.IntervalHighMs >= pair.Second.IntervalHighMs);
            Assert.True(pair.First.IntervalHighMs - pair.First.IntervalLowMs > pair.Second.IntervalHighMs - pair.Second.IntervalLowMs);
        });
        Assert.True(withBands.IntervalCoverage >= without.IntervalCoverage);
    }

    [Fact]
    public void StatisticsAreOverAbsoluteErrors()
    {
        var stats = ErrorStatistics.Of([-0.5, 0.01, 0.02, -0.03, 0.2, 0.1, -0.04, 0.3, 0.05, 0.9]);

        Assert.Equal(10, stats.Count);
        Assert.Equal(0.05, stats.Median);
        Assert.Equal(0.5, stats.P90);
        Assert.Equal(0.5, stats.WithinFivePercent);
    }

    [Fact]
    public void AManifestThatIsNotJsonSaysSo()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.json", "{ sets: nope");

        var error = Assert.Throws<InvalidDataException>(() => AccuracyManifest.Load(path));
        Assert.Contains("not a valid accuracy manifest", error.Message);
    }

    [Fact]
    public void TheShippedGroundTruthManifestListsExistingLogs()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "bench", "accuracy", "ground-truth.manifest.json");
        var manifest = AccuracyManifest.Load(path);

        Assert.Equal(620, manifest.Sets.Sum(s => s.Runs.Count));
        Assert.All(manifest.Sets.SelectMany(s => s.Runs), run => Assert.True(File.Exists(manifest.Resolve(path, run)), run));
    }

    private static IEnumerable<Dictionary<string, string>> SortProfilingRunsOfAbout600Mb() =>
        GroundTruthCsv.Rows.Where(f => f["workload"] == "hibench-sort" && f["set"] == "profiling" && long.Parse(f["input_bytes_read"]) is > 500_000_000 and < 700_000_000);
}
