using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>How many executors a run held at once, and what predictions take from it.</summary>
public class ExecutorConcurrencyTests
{
    [Fact]
    public void AReplacementOfALostExecutorDoesNotAddToTheExecutorsHeldAtOnce()
    {
        var firstHeld = ExecutorConcurrency.FirstHeld([(0, 2_000), (5_000, null)]);

        Assert.Equal([0L], firstHeld);
    }

    [Fact]
    public void EachCountIsFirstHeldWhenItsLastExecutorJoinedAndARemovalAtAJoinCountsOutFirst()
    {
        var firstHeld = ExecutorConcurrency.FirstHeld([(0, null), (1_000, null), (3_000, 4_000), (4_000, null), (9_000, null)]);

        Assert.Equal([0L, 1_000L, 3_000L, 9_000L], firstHeld);
    }

    [Fact]
    public async Task TheRunsSizeIsTheExecutorsItHeldAtOnceAndTheirArrivalsStartAPrediction()
    {
        // Executor 1 ran a 2 s task and was lost; executor 2 replaced it 3 s later and ran the other.
        var app = await new SyntheticLog(endMs: 7_000)
            .Executor("1", cores: 1, addedMs: 0, removedMs: 2_000)
            .Executor("2", cores: 1, addedMs: 5_000)
            .PlacedStage(0, 0, 7_000, (0, 2_000, "1", "PROCESS_LOCAL"), (5_000, 7_000, "2", "PROCESS_LOCAL"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(1, simulator.ObservedShape.Executors);
        Assert.Equal(7_000, simulator.Reconstruct().WallTimeMs);
        // Two executors from the start, as the run held its first: both tasks at once.
        var prediction = simulator.Predict(new ClusterShape(2, 1));
        Assert.Equal(2_000, prediction.WallTimeMs);
        Assert.Contains(prediction.Warnings, w => w.StartsWith("1 executor(s) were lost while the run still had tasks to do", StringComparison.Ordinal));
    }
}
