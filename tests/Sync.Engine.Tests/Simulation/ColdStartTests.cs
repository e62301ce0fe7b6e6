using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>
/// A slot's first task carries the executor's warm-up: a prediction gives it to as many tasks as the target has fresh
/// slots, not to as many as the observed run had.
/// </summary>
public class ColdStartTests
{
    // Two executors of 2 cores: the first wave (4 tasks, one per fresh slot) took 3 s, the second wave 1 s; a later
    // stage of 4 tasks ran warm in 1 s.
    private static Task<Sync.Engine.Applications.SparkApplication> RunAsync() => new SyntheticLog(endMs: 5_000)
        .Executor("1", cores: 2, addedMs: 0)
        .Executor("2", cores: 2, addedMs: 0)
        .PlacedStage(0, 0, 4_000,
            (0, 3_000, "1", "ANY"), (0, 3_000, "1", "ANY"), (0, 3_000, "2", "ANY"), (0, 3_000, "2", "ANY"),
            (3_000, 4_000, "1", "ANY"), (3_000, 4_000, "1", "ANY"), (3_000, 4_000, "2", "ANY"), (3_000, 4_000, "2", "ANY"))
        .PlacedStage(1, 4_000, 5_000, (4_000, 5_000, "1", "ANY"), (4_000, 5_000, "1", "ANY"), (4_000, 5_000, "2", "ANY"), (4_000, 5_000, "2", "ANY"))
        .ReadAsync();

    [Fact]
    public async Task FewerSlotsHaveFewerColdStarts()
    {
        var simulator = new ScheduleSimulator(await RunAsync());

        // On 2 slots only 2 tasks start cold: 3 s, then three waves of warm 1 s tasks; then the warm stage in 2 waves.
        // Replaying the measured durations would run the 4 observed cold tasks in two 3 s waves (8 s + 2 s).
        Assert.Equal(3_000 + 3 * 1_000 + 2 * 1_000, simulator.Predict(new ClusterShape(1, 2)).WallTimeMs);
        Assert.Equal(5_000, simulator.Reconstruct().WallTimeMs);
    }

    [Fact]
    public async Task MoreSlotsHaveMoreColdStarts()
    {
        var simulator = new ScheduleSimulator(await RunAsync());

        // On 8 slots every task of the first stage starts cold (one 3 s wave); the second stage runs on used slots.
        Assert.Equal(3_000 + 1_000, simulator.Predict(new ClusterShape(4, 2)).WallTimeMs);
    }

    [Theory]
    [InlineData(true, 0)] // tasks that go to their data stay on the two executors already used
    [InlineData(false, 1)] // tasks placed on shuffled offers land on a fresh executor as often as half of them are fresh
    public void ALaterStageStartsFreshExecutorsOnlyWhereSparkPlacesItsTasksAtRandom(bool local, int expectedCold)
    {
        var cold = ColdStarts.ColdTasksPerStage([2, 2], [true, local], executors: 4, slotsPerExecutor: 1);

        Assert.Equal([2, expectedCold], cold);
    }
}
