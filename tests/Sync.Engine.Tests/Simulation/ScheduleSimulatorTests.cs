using Sync.Engine.EventLogs;
using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>The schedule simulator on constructed runs whose answers are known exactly, and on real logs.</summary>
public class ScheduleSimulatorTests
{
    private static (long From, long To)[] EqualTasks(int count, long start, long duration) =>
        Enumerable.Range(0, count).Select(_ => (start, start + duration)).ToArray();

    [Theory]
    [InlineData(10, 1, 10)]
    [InlineData(10, 2, 5)]
    [InlineData(10, 3, 4)]
    [InlineData(10, 4, 3)]
    [InlineData(10, 10, 1)]
    [InlineData(10, 64, 1)]
    public async Task AStageOfEqualTasksTakesCeilTasksOverSlotsWaves(int tasks, int slots, int waves)
    {
        // One executor with 10 cores ran 10 tasks of 1 s at once; the driver worked 2 s before and 3 s after.
        var app = await new SyntheticLog(endMs: 2_000 + 1_000 + 3_000)
            .Executor("1", cores: 10, addedMs: 0)
            .Stage(0, 2_000, 3_000, EqualTasks(tasks, 2_000, 1_000))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        var result = simulator.Predict(new ClusterShape(slots, 1));

        Assert.Equal(2_000 + waves * 1_000 + 3_000, result.WallTimeMs);
        Assert.Equal(waves * 1_000, result.TaskActiveTimeMs);
        Assert.Equal(5_000, result.DriverOnlyTimeMs);
    }

    [Fact]
    public async Task ReconstructingTheObservedShapeReproducesTheWallTime()
    {
        var app = await new SyntheticLog(endMs: 20_000)
            .Executor("1", cores: 2, addedMs: 0)
            .Stage(0, 1_000, 5_000, (1_000, 3_000), (1_000, 3_000), (3_000, 5_000))
            .Stage(1, 8_000, 12_000, (8_000, 12_000))
            .ReadAsync();

        var result = new ScheduleSimulator(app).Reconstruct();

        Assert.Equal(20_000, result.WallTimeMs);
    }

    [Fact]
    public async Task DriverGapsBetweenStagesStayConstantWhateverTheClusterSize()
    {
        var app = await new SyntheticLog(endMs: 30_000)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 1_000, 5_000, EqualTasks(8, 1_000, 2_000))
            .Stage(1, 9_000, 13_000, EqualTasks(8, 9_000, 2_000)) // 4 s of driver work before it
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        var small = simulator.Predict(new ClusterShape(1, 1));
        var large = simulator.Predict(new ClusterShape(8, 1));

        Assert.Equal(small.DriverOnlyTimeMs, large.DriverOnlyTimeMs);
        Assert.Equal(2 * 8 * 2_000, small.TaskActiveTimeMs);
        Assert.Equal(2 * 2_000, large.TaskActiveTimeMs);
    }

    [Fact]
    public async Task AShuffleStageWhoseTaskCountIsTheParallelismFollowsTheTargetClusterAndSpreadsItsWork()
    {
        // spark.default.parallelism unset: Spark used the 4 total cores, so the shuffle stage ran 4 tasks of 8 s.
        var app = await new SyntheticLog(endMs: 30_000)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 0, 1_000, EqualTasks(4, 0, 1_000))
            .Stage(1, [0], 1_000, 9_000, EqualTasks(4, 1_000, 8_000))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        var doubled = simulator.Predict(new ClusterShape(2, 4));
        var pinned = simulator.Predict(new ClusterShape(2, 4, DefaultParallelism: 4));

        // 8 cores: the map stage (input splits) keeps 4 tasks; the shuffle stage gets 8 tasks of 4 s, one wave.
        Assert.Equal(4 + 8, doubled.Tasks);
        Assert.Equal(1_000 + 4_000, doubled.TaskActiveTimeMs);
        // With the parallelism fixed at 4 the shuffle stage keeps 4 tasks of 8 s.
        Assert.Equal(4 + 4, pinned.Tasks);
        Assert.Equal(1_000 + 8_000, pinned.TaskActiveTimeMs);
    }

    [Fact]
    public async Task EqualTasksLeaveNoScheduleVariability()
    {
        // 8 tasks of 2 s on 4 slots: 2 waves from 1 s, then 5 s of driver time; re-simulated exactly.
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 1_000, 5_000, [.. EqualTasks(4, 1_000, 2_000), .. EqualTasks(4, 3_000, 2_000)])
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);
        Assert.Equal(0, simulator.ReconstructionError);

        var interval = simulator.PredictInterval(new ClusterShape(2, 2), bands: ModelErrorBandsTests.Exact);

        Assert.Equal(10_000, interval.MedianMs);
        Assert.Equal((10_000L, 10_000L), (interval.LowMs, interval.HighMs));
        // The model's own error on ground truth still widens it: as many slots as observed, the repeat noise.
        var band = ModelErrorBands.BuiltIn.SameSlots;
        var widened = simulator.PredictInterval(new ClusterShape(2, 2));
        Assert.Equal(((long)Math.Round(10_000 * band.LowFactor), (long)Math.Round(10_000 * band.HighFactor)), (widened.LowMs, widened.HighMs));
    }

    [Fact]
    public async Task APredictionSaysWhenEachStageRan()
    {
        // Stage 0: 8 tasks of 2 s from 1 s; stage 1 (after it): 4 tasks of 1 s; 2 s of driver time after the last.
        var app = await new SyntheticLog(endMs: 8_000)
            .Executor("1", cores: 4, addedMs: 0)
            .Stage(0, 1_000, 5_000, [.. EqualTasks(4, 1_000, 2_000), .. EqualTasks(4, 3_000, 2_000)])
            .Stage(1, [0], 5_000, 6_000, EqualTasks(4, 5_000, 1_000))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        var (result, stages) = simulator.PredictWithStages(new ClusterShape(1, 2));

        // On 2 slots stage 0 takes 4 waves (8 s) and stage 1 two (2 s).
        Assert.Equal([(0, 1_000L, 9_000L), (1, 9_000L, 11_000L)], stages.Select(s => (s.StageId, s.SubmittedMs, s.CompletedMs)));
        Assert.Equal(result.WallTimeMs, simulator.Predict(new ClusterShape(1, 2)).WallTimeMs);
        Assert.Equal(13_000, result.WallTimeMs);
    }

    [Fact]
    public async Task APredictionFartherFromTheObservedRunGetsAWiderInterval()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.Sample("eventlogs/application_1538416563558_0014"));
        var simulator = new ScheduleSimulator(app);
        var observed = simulator.ObservedShape;

        double Width(int executors)
        {
            var interval = simulator.PredictInterval(observed with { Executors = executors });
            return (interval.HighMs - interval.LowMs) / (double)interval.MedianMs;
        }

        // 2 executors observed: 4 and 16 executors are one and three doublings of slots away.
        Assert.Equal(2, observed.Executors);
        Assert.True(Width(16) > Width(4), $"{Width(16):P1} vs {Width(4):P1}");
        Assert.True(Width(4) > Width(2), $"{Width(4):P1} vs {Width(2):P1}");
    }

    [Fact]
    public async Task TheIntervalSurroundsThePredictionAndIsDeterministic()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.Sample("eventlogs/application_1538416563558_0014"));
        var simulator = new ScheduleSimulator(app);
        var shape = new ClusterShape(2, 1);

        var interval = simulator.PredictInterval(shape);

        Assert.Equal(simulator.Predict(shape).WallTimeMs, interval.MedianMs);
        Assert.True(interval.LowMs <= interval.MedianMs && interval.MedianMs <= interval.HighMs, $"{interval}");
        Assert.True(interval.HighMs > interval.LowMs, "tasks of unequal length must give a spread");
        Assert.Equal(interval, simulator.PredictInterval(shape));
        Assert.Equal(30, interval.Samples);
    }

    [Fact]
    public async Task MoreExecutorsNeverMakeARunSlower()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("spark-rapids-tools/spark-events-profiling-history/nds_q66_cpu.zstd"));
        var simulator = new ScheduleSimulator(app);

        var times = new[] { 1, 2, 4, 8, 16, 32 }.Select(n => simulator.Predict(new ClusterShape(n, 16)).WallTimeMs).ToList();

        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.True(times[0] > 2 * times[^1]);
    }

    [Theory]
    [InlineData("synccomputingcode-spark_log_parser/tests/logs/emr.zip")]
    [InlineData("spark-rapids-tools/spark-events-profiling-history/nds_q66_cpu.zstd")]
    [InlineData("spark-rapids-tools/spark-events-qualification/nds_q72_dataproc_2_2.zstd")]
    [InlineData("apache-spark/spark-events/application_1538416563558_0014")] // containers lost and replaced nine times
    [InlineData("../ground-truth/cemsbr-phd_notebook/data/hibench/kmeans/app-20151121091555-0000.zstd")] // cache reads pile up on 3 of 16 executors
    public async Task RealRunsReconstructWithinFivePercent(string relative)
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog(relative));
        var simulator = new ScheduleSimulator(app);

        var result = simulator.Reconstruct();

        var error = Math.Abs(result.WallTimeMs - app.WallTimeMs) / (double)app.WallTimeMs;
        Assert.True(error <= 0.05, $"{relative}: reconstructed {result.WallTimeMs} ms, observed {app.WallTimeMs} ms ({error:P1})");
    }

    [Fact]
    public async Task ReconstructionKeepsTasksThatReadCachedBlocksOnTheExecutorHoldingThem()
    {
        // Executor 1 holds the blocks of two 3 s tasks, executor 2 those of two 0.5 s tasks (one core each): the stage
        // waits 6 s for executor 1, though a free-for-all on 2 slots would have finished in 4 s.
        var app = await new SyntheticLog(endMs: 6_000)
            .Executor("1", cores: 1, addedMs: 0)
            .Executor("2", cores: 1, addedMs: 0)
            .CachingStage(0, 0, 6_000, cachedBytes: 1_000, (0, 3_000, "Memory"), (0, 500, "Memory"), (3_000, 6_000, "Memory"), (500, 1_000, "Memory"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(6_000, simulator.Reconstruct().WallTimeMs);
        Assert.Equal(4_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
    }

    [Fact]
    public async Task TasksLaunchedOutsideTheApplicationAreLeftOutWithAWarning()
    {
        // An edited log: the second task claims to have run a day before the application started.
        var app = await new SyntheticLog(endMs: 5_000)
            .Executor("1", cores: 1, addedMs: 0)
            .Stage(0, 1_000, 3_000, (1_000, 3_000), (-86_400_000, -86_399_000))
            .ReadAsync();

        var result = new ScheduleSimulator(app).Reconstruct();

        Assert.Equal(5_000, result.WallTimeMs);
        Assert.Contains(result.Warnings, w => w.Contains("1 task(s) carry launch times outside the application's run"));
    }

    [Fact]
    public async Task ASimulationIsDeterministic()
    {
        var app = await EventLogReader.ReadAsync(TestPaths.SharedLog("synccomputingcode-spark_log_parser/tests/logs/emr.zip"));
        var simulator = new ScheduleSimulator(app);

        var first = simulator.Predict(new ClusterShape(7, 3));
        var again = new ScheduleSimulator(app).Predict(new ClusterShape(7, 3));

        Assert.Equal((first.WallTimeMs, first.TaskActiveTimeMs), (again.WallTimeMs, again.TaskActiveTimeMs));
    }

    [Fact]
    public async Task DynamicAllocationsMaximumCapsTheExecutorsThatRun()
    {
        var properties = new Dictionary<string, string> { ["spark.dynamicAllocation.enabled"] = "true", ["spark.dynamicAllocation.maxExecutors"] = "2" };
        var app = await new SyntheticLog(endMs: 8_000, properties)
            .Executor("1", cores: 1, addedMs: 0)
            .Stage(0, 0, 8_000, Enumerable.Range(0, 8).Select(i => (i * 1_000L, (i + 1) * 1_000L)).ToArray())
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        var eight = simulator.Predict(new ClusterShape(8, 1));

        // 8 tasks of 1 s on the 2 executors Spark may start, not on 8.
        Assert.Equal(4_000, eight.WallTimeMs);
        Assert.Contains(eight.Warnings, w => w.Contains("maxExecutors caps them"));
        Assert.Contains(eight.Warnings, w => w.Contains("dynamic allocation"));
        Assert.Equal(4_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
    }

    [Theory]
    [InlineData(1.0, 10_000)]
    [InlineData(2.0, 8_000)]
    [InlineData(0.5, 14_000)]
    public async Task ShuffleFetchWaitsScaleWithTheNetworkEachExecutorGets(double ratio, long expectedMs)
    {
        // Two tasks of 10 s at once, each waiting 4 s of it on shuffle fetches.
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 2, addedMs: 0)
            .Stage(0, [], 0, 10_000, fetchWaitMs: 4_000, (0, 10_000), (0, 10_000))
            .ReadAsync();

        var result = new ScheduleSimulator(app).Predict(new ClusterShape(1, 2, NetworkPerExecutorRatio: ratio));

        Assert.Equal(expectedMs, result.WallTimeMs);
    }
}
