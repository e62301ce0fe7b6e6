using Sync.Engine.Applications;
using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>How the simulator carries cached data to clusters with more or less executor memory, on runs whose answer is known.</summary>
public class CacheRescalingTests
{
    private static (long, long, string)[] Wave(int count, long from, long duration, string method) =>
        Enumerable.Range(0, count).Select(_ => (from, from + duration, method)).ToArray();

    [Fact]
    public async Task Spark1ReadMethodAndCachedSizesAreRead()
    {
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 1, addedMs: 0).BlockManager("1", maxMemory: 1_000)
            .CachingStage(0, 0, 10_000, cachedBytes: 700, [.. Wave(1, 0, 5_000, "Memory"), .. Wave(1, 5_000, 5_000, "Hadoop")])
            .ReadAsync();

        Assert.Equal([TaskInputSource.Memory, TaskInputSource.Hadoop], app.Tasks.Chunks.SelectMany(c => c.ToArray()).Select(t => t.InputSource));
        Assert.Equal(700, Assert.Single(app.Stages).CachedBytes);
        Assert.Equal(1_000, Assert.Single(app.Executors).MaxMemoryBytes);
    }

    [Fact]
    public async Task PartitionsThatDidNotFitAreCachedWhenThereIsTwiceTheMemory()
    {
        // One 1-core executor: 2 partitions came from the cache (1 s each), 2 did not fit and were recomputed (5 s each).
        var app = await new SyntheticLog(endMs: 12_000)
            .Executor("1", cores: 1, addedMs: 0).BlockManager("1", maxMemory: 1_000)
            .CachingStage(0, 0, 12_000, cachedBytes: 1_000,
                (0, 1_000, "Memory"), (1_000, 6_000, "Hadoop"), (6_000, 7_000, "Memory"), (7_000, 12_000, "Hadoop"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(12_000, simulator.Reconstruct().WallTimeMs);
        // Two executors: twice the storage, so all 4 partitions are cached: 4 tasks of 1 s on 2 slots.
        Assert.Equal(2_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
        // Two executors with half the storage each: the same capacity, the same hit ratio: [1, 5, 1, 5] s launched in
        // order on 2 slots: slot A runs 1 s, 1 s, then the last 5 s task from 2 s to 7 s.
        Assert.Equal(7_000, simulator.Predict(new ClusterShape(2, 1, StorageBytesPerExecutor: 500)).WallTimeMs);
    }

    [Fact]
    public async Task WhatNoLongerFitsIsRecomputedAtTheCostOfComputingIt()
    {
        // Two 1-core executors, 500 bytes of storage each: stage 0 computed 8 partitions from input (4 s each) and
        // cached all 800 bytes; stage 1 read all 8 from the cache (1 s each).
        var app = await new SyntheticLog(endMs: 20_000)
            .Executor("1", cores: 1, addedMs: 0).BlockManager("1", maxMemory: 500)
            .Executor("2", cores: 1, addedMs: 0).BlockManager("2", maxMemory: 500)
            .CachingStage(0, 0, 16_000, cachedBytes: 800, [.. Wave(2, 0, 4_000, "Hadoop"), .. Wave(2, 4_000, 4_000, "Hadoop"), .. Wave(2, 8_000, 4_000, "Hadoop"), .. Wave(2, 12_000, 4_000, "Hadoop")])
            .CachingStage(1, 16_000, 20_000, cachedBytes: 800, [.. Wave(2, 16_000, 1_000, "Memory"), .. Wave(2, 17_000, 1_000, "Memory"), .. Wave(2, 18_000, 1_000, "Memory"), .. Wave(2, 19_000, 1_000, "Memory")])
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(20_000, simulator.Reconstruct().WallTimeMs);
        Assert.Equal(20_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
        // One executor: 500 of the 800 cached bytes fit, so 5 of 8 partitions (round(8 x 500/800)) are hits of 1 s and
        // 3 are recomputed, 1 s + 4 s each. Stage 0 alone: 8 x 4 s.
        Assert.Equal(32_000 + 5 * 1_000 + 3 * 5_000, simulator.Predict(new ClusterShape(1, 1)).WallTimeMs);
    }
}
