using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>GC time follows the heap pressure of the cached data: 1 / (1 − ρ), ρ = cached bytes per executor over its storage memory.</summary>
public class GcRescalingTests
{
    // One executor with 1 MB of storage memory caching 0.9 MB (ρ = 0.9), then a 10 s task of which 1 s was GC.
    private static Task<Sync.Engine.Applications.SparkApplication> RunAsync() => new SyntheticLog(endMs: 11_000)
        .Executor("1", cores: 1, addedMs: 0)
        .BlockManager("1", maxMemory: 1_000_000)
        .CachingStage(0, 0, 1_000, cachedBytes: 900_000, (0, 1_000, "Memory"))
        .Stage(1, [], 1_000, 11_000, fetchWaitMs: 0, (1_000, 11_000))
        .ReadAsync();

    [Fact]
    public async Task MoreExecutorsHoldingTheCacheCollectLess()
    {
        var simulator = new ScheduleSimulator(await RunAsync());

        // Three executors: ρ = 0.3, GC scaled by (1 − 0.9) / (1 − 0.3) = 1/7: 1,000 ms → 143 ms.
        Assert.Equal(1_000 + 10_000 - 857, simulator.Predict(new ClusterShape(3, 1)).WallTimeMs);
        Assert.Equal(11_000, simulator.Predict(new ClusterShape(1, 1)).WallTimeMs);
    }

    [Fact]
    public async Task MoreStorageMemoryPerExecutorCollectsLess()
    {
        var simulator = new ScheduleSimulator(await RunAsync());

        // Twice the storage memory: ρ = 0.45, GC scaled by 0.1 / 0.55.
        Assert.Equal(1_000 + 10_000 - 818, simulator.Predict(new ClusterShape(1, 1, StorageBytesPerExecutor: 2_000_000)).WallTimeMs);
    }

    [Fact]
    public async Task AStageBeforeTheDataWasCachedCarriesNoneOfItsPressure()
    {
        // The 10 s task with 1 s of GC runs first; only then does a stage cache 0.9 MB. Its heap held no cached data,
        // so three executors do not change its GC: 10 s, then the 1 s cache-reading stage.
        var app = await new SyntheticLog(endMs: 11_000)
            .Executor("1", cores: 1, addedMs: 0)
            .BlockManager("1", maxMemory: 1_000_000)
            .Stage(0, [], 0, 10_000, fetchWaitMs: 0, (0, 10_000))
            .CachingStage(1, 10_000, 11_000, cachedBytes: 900_000, (10_000, 11_000, "Memory"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(11_000, simulator.Predict(new ClusterShape(3, 1)).WallTimeMs);
    }
}
