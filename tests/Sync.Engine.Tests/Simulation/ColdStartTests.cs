using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>
/// A slot's first task carries the executor's warm-up (its deserialisation excess): a prediction gives it to as many
/// tasks as the target has fresh slots, not to as many as the observed run had.
/// </summary>
public class ColdStartTests
{
    // Two executors of 2 cores: the first wave (4 tasks, one per fresh slot) took 3 s, 2 s of it deserialising unless
    // said otherwise (the rest of the 2 s excess is then the JVM compiling the stage's code); the second wave 1 s; a
    // later stage of 4 tasks ran warm in 1 s.
    private static Task<Sync.Engine.Applications.SparkApplication> RunAsync(long deserializeMs = 2_000) => new SyntheticLog(endMs: 5_000)
        .Executor("1", cores: 2, addedMs: 0)
        .Executor("2", cores: 2, addedMs: 0)
        .PlacedStage(0, 0, 4_000,
            (0, 3_000, "1", "ANY", deserializeMs), (0, 3_000, "1", "ANY", deserializeMs), (0, 3_000, "2", "ANY", deserializeMs), (0, 3_000, "2", "ANY", deserializeMs),
            (3_000, 4_000, "1", "ANY", 0), (3_000, 4_000, "1", "ANY", 0), (3_000, 4_000, "2", "ANY", 0), (3_000, 4_000, "2", "ANY", 0))
        .PlacedStage(1, 4_000, 5_000, (4_000, 5_000, "1", "ANY"), (4_000, 5_000, "1", "ANY"), (4_000, 5_000, "2", "ANY"), (4_000, 5_000, "2", "ANY"))
        .ReadAsync();

    [Theory]
    [InlineData(2_000)]
    [InlineData(500)] // the excess is read from the stage's own warm tasks, not only from deserialisation
    public async Task FewerSlotsHaveFewerColdStarts(long deserializeMs)
    {
        var simulator = new ScheduleSimulator(await RunAsync(deserializeMs));

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

    [Fact]
    public void ASlotsSecondTaskOfItsFirstStageIsMarkedSecondAndALaterStagesFirstTaskIsNot()
    {
        // One executor of one slot: stage 0 runs three tasks, then stage 1 one.
        var starts = ColdStarts.Mark([(0, 0, 0, 0), (1, 0, 1, 0), (2, 0, 2, 0), (3, 1, 0, 0)], [3, 1], _ => 1);

        Assert.Equal([TaskStart.FirstOnSlot, TaskStart.SecondOnSlot, TaskStart.Warm], starts[0]);
        Assert.Equal([TaskStart.FirstOfStageOnSlot], starts[1]);
    }

    [Fact]
    public async Task AFreshSlotsSecondTaskCarriesWhatTheJitStillCosts()
    {
        // One executor of one core ran four like tasks of one stage: 5 s first, 3 s second, then 2 s warm.
        var app = await new SyntheticLog(endMs: 12_000)
            .Executor("1", cores: 1, addedMs: 0)
            .PlacedStage(0, 0, 12_000, (0, 5_000, "1", "ANY"), (5_000, 8_000, "1", "ANY"), (8_000, 10_000, "1", "ANY"), (10_000, 12_000, "1", "ANY"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        // On two slots each runs a first (5 s) and a second task (3 s); charging first tasks alone would give 7 s.
        Assert.Equal(8_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
        Assert.Equal(12_000, simulator.Predict(new ClusterShape(1, 1)).WallTimeMs);
    }

    [Fact]
    public async Task AStagesFirstTaskOnAWarmSlotCarriesTheCompilingOfItsCodeOnEveryTargetSlot()
    {
        // One executor of one core. Stage 1's first task took 3 s, its later two 1 s each, none of it deserialising:
        // the JIT compiled the stage's code while the first one ran.
        var app = await new SyntheticLog(endMs: 10_000)
            .Executor("1", cores: 1, addedMs: 0)
            .PlacedStage(0, 0, 5_000, (0, 4_000, "1", "ANY"), (4_000, 5_000, "1", "ANY"))
            .PlacedStage(1, 5_000, 10_000, (5_000, 8_000, "1", "ANY"), (8_000, 9_000, "1", "ANY"), (9_000, 10_000, "1", "ANY"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        // Two slots: stage 0 runs its two tasks cold at once (4 s); stage 1's first wave compiles on both (3 s), then 1 s.
        Assert.Equal(4_000 + 3_000 + 1_000, simulator.Predict(new ClusterShape(2, 1)).WallTimeMs);
        Assert.Equal(10_000, simulator.Predict(new ClusterShape(1, 1)).WallTimeMs);
    }

    [Fact]
    public void WithoutWarmTasksASlotsFirstTasksAreComparedWithItsSecondOnes()
    {
        var excesses = ColdStarts.DurationExcesses([[5_000, 5_000, 3_000, 3_000]], [[0, 0, 0, 0]],
            [[TaskStart.FirstOnSlot, TaskStart.FirstOnSlot, TaskStart.SecondOnSlot, TaskStart.SecondOnSlot]]);

        Assert.Equal([2_000, 2_000, 0, 0], excesses[0]);
    }

    [Theory]
    [InlineData(true, 0)] // tasks that go to their data stay on the two executors already used
    [InlineData(false, 1)] // tasks placed on shuffled offers land on a fresh executor as often as half of them are fresh
    public void ALaterStageStartsFreshExecutorsOnlyWhereSparkPlacesItsTasksAtRandom(bool local, int expectedCold)
    {
        var cold = ColdStarts.ColdTasksPerStage([2, 2], [true, local], executors: 4, slotsPerExecutor: 1);

        Assert.Equal([2, expectedCold], cold);
    }

    [Fact]
    public async Task AStagesFirstWaveOnTheTargetCarriesItsDeserialisation()
    {
        // One executor of 4 cores. Stage 1's first task on each slot took 1.5 s, 0.5 s of it deserialising the stage;
        // its later 4 tasks took 1 s.
        var app = await new SyntheticLog(endMs: 4_500)
            .Executor("1", cores: 4, addedMs: 0)
            .PlacedStage(0, 0, 1_000, Enumerable.Range(0, 4).Select(_ => (0L, 1_000L, "1", "ANY")).ToArray())
            .PlacedStage(1, 1_000, 3_500,
                Enumerable.Range(0, 4).Select(_ => (1_000L, 2_500L, "1", "ANY", 500L))
                    .Concat(Enumerable.Range(0, 4).Select(_ => (2_500L, 3_500L, "1", "ANY", 0L))).ToArray())
            .ReadAsync();

        var result = new ScheduleSimulator(app).Predict(new ClusterShape(1, 2));

        // On 2 slots: stage 0 in two 1 s waves; stage 1's first wave is 2 tasks of 1.5 s, then 6 tasks of 1 s in 3 waves
        // (replaying the 4 measured first tasks would take 3 s + 2 s).
        Assert.Equal(2_000 + 1_500 + 3 * 1_000 + 1_000, result.WallTimeMs);
    }
}
