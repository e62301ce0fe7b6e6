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

    [Fact]
    public async Task PersistedRddsAndUnpersistsAreRead()
    {
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 1, addedMs: 0).BlockManager("1", maxMemory: 1_000)
            .CachingStage(0, 0, 5_000, [(1, 2, 600)], Wave(2, 0, 2_500, "Hadoop"))
            .Unpersist(1)
            .CachingStage(1, 5_000, 10_000, [(2, 1, 200)], Wave(2, 5_000, 2_500, "Hadoop"))
            .ReadAsync();

        var rdd = Assert.Single(app.Stages[0].PersistedRdds);
        Assert.Equal(new PersistedRddInfo(1, 2, 2, 600, 0, UsesMemory: true, UsesDisk: false), rdd);
        Assert.Equal(300, rdd.BlockBytes);
        Assert.Equal(200, Assert.Single(app.Stages[1].PersistedRdds).BlockBytes);
        Assert.Equal([new RddUnpersist(1, StagesCompletedBefore: 1)], app.Unpersists);
    }

    [Fact]
    public void AnExecutorMissesItsShareOfTheResidentBytesBeyondItsMemoryInReadBlocks()
    {
        // 25 partitions of two RDDs (100 and 20 bytes a block) on 4 executors: shares of 7, 6, 6 and 6 partitions hold
        // 840, 720, 720 and 720 bytes.
        var footprint = new CacheFootprint { Resident = [(25, 100), (25, 20)], ReadBlockBytes = 100, ResidentAtStartBytes = 3_000 };

        Assert.Equal(0, footprint.Misses(25, 4, 840));
        // 700 bytes each: 140 bytes too many on the first (2 blocks of 100), 20 on each other (1 block).
        Assert.Equal(5, footprint.Misses(25, 4, 700));
        // One executor of 100 bytes: everything but one block is gone, but never more than the stage's tasks.
        Assert.Equal(25, footprint.Misses(25, 1, 100));
        Assert.Equal(0, footprint.Misses(25, 0, 100));

        // A stage caching blocks of 20 bytes on 2-slot executors: while one task stores its block the other holds 20
        // bytes of its own, and the first executor's 840 bytes no longer fit in 840.
        var caching = new CacheFootprint { Resident = [(25, 100), (25, 20)], ReadBlockBytes = 100, ResidentAtStartBytes = 2_500, UnrollBlockBytes = 20 };
        Assert.Equal(0, caching.Misses(25, 4, 840, slotsPerExecutor: 1));
        Assert.Equal(1, caching.Misses(25, 4, 840, slotsPerExecutor: 2));
    }

    [Theory]
    [InlineData(false, 32_000 + (2 * 1_000 + 6 * 5_000) + (2 * 1_000 + 6 * 5_000))]
    [InlineData(true, 32_000 + (2 * 1_000 + 6 * 5_000) + (6 * 1_000 + 2 * 5_000))]
    public async Task DataCachedLaterCrowdsOutEarlierBlocksUntilItIsUnpersisted(bool unpersist, long expectedMs)
    {
        // Two 1-core executors of 1,000 bytes of storage. Stage 0 computes 8 partitions from input (4 s each) and caches
        // them (1,200 bytes); stage 1 reads them (1 s each) and caches 600 bytes of another RDD; stage 2 reads both.
        // Spark reports each RDD's size only with the stage that cached it.
        var log = new SyntheticLog(endMs: 24_000)
            .Executor("1", cores: 1, addedMs: 0).BlockManager("1", maxMemory: 1_000)
            .Executor("2", cores: 1, addedMs: 0).BlockManager("2", maxMemory: 1_000)
            .CachingStage(0, 0, 16_000, [(1, 8, 1_200)], [.. Wave(2, 0, 4_000, "Hadoop"), .. Wave(2, 4_000, 4_000, "Hadoop"), .. Wave(2, 8_000, 4_000, "Hadoop"), .. Wave(2, 12_000, 4_000, "Hadoop")])
            .CachingStage(1, 16_000, 20_000, [(1, 0, 0), (2, 8, 600)], [.. Wave(2, 16_000, 1_000, "Memory"), .. Wave(2, 17_000, 1_000, "Memory"), .. Wave(2, 18_000, 1_000, "Memory"), .. Wave(2, 19_000, 1_000, "Memory")]);
        if (unpersist)
        {
            log.Unpersist(2);
        }

        var app = await log
            .CachingStage(2, 20_000, 24_000, [(1, 0, 0), (2, 0, 0)], [.. Wave(2, 20_000, 1_000, "Memory"), .. Wave(2, 21_000, 1_000, "Memory"), .. Wave(2, 22_000, 1_000, "Memory"), .. Wave(2, 23_000, 1_000, "Memory")])
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(24_000, simulator.Reconstruct().WallTimeMs);
        // One executor of 1,000 bytes on one slot. Stage 0: 8 x 4 s. Stages 1 and 2 need both RDDs resident (1,800
        // bytes): 800 too many, 6 blocks of 150, recomputed at 1 s + 4 s each. Once the second RDD is unpersisted, stage
        // 2 needs only 1,200: 2 blocks are missing.
        var (result, stages) = simulator.PredictWithStages(new ClusterShape(1, 1));
        Assert.Equal(expectedMs, result.WallTimeMs);
        Assert.Equal([null, 0, 0], stages.Select(s => s.ObservedCacheMisses));
        Assert.Equal([null, 6, unpersist ? 2 : 6], stages.Select(s => s.CacheMisses));
    }
}
