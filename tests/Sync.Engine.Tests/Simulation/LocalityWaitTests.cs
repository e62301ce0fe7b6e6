using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>
/// Delay scheduling: a stage's last, less local task waited whole locality waits after the last local launch, with a
/// slot free, and goes out with the next offer (half a revive interval later on average).
/// </summary>
public class LocalityWaitTests
{
    [Theory]
    [InlineData("PROCESS_LOCAL", 3_600, null, 3_000 + 500)] // one 3 s wait fits in the gap
    [InlineData("PROCESS_LOCAL", 6_900, null, 6_000 + 500)] // process and node waits
    [InlineData("NODE_LOCAL", 6_900, null, 3_000 + 500)] // from node-local only the node wait is left
    [InlineData("PROCESS_LOCAL", 1_600, "1s", 1_000 + 500)] // spark.locality.wait as the run set it
    public async Task TheRelaxedTaskWaitsTheLocalityWaitsItsGapShows(string best, long relaxedLaunchMs, string? wait, long expectedLaunchMs)
    {
        var properties = wait is null ? null : new Dictionary<string, string> { ["spark.locality.wait"] = wait };
        var app = await new SyntheticLog(endMs: relaxedLaunchMs + 1_000, properties)
            .Executor("1", cores: 2, addedMs: 0)
            .PlacedStage(0, 0, relaxedLaunchMs + 1_000, (0, 1_000, "1", best), (0, 1_000, "1", best), (relaxedLaunchMs, relaxedLaunchMs + 1_000, "1", "ANY"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(expectedLaunchMs + 1_000, simulator.Reconstruct().WallTimeMs);
        // More slots do not start it earlier: it waits for the level to relax, not for a slot.
        Assert.Equal(expectedLaunchMs + 1_000, simulator.Predict(new ClusterShape(4, 2)).WallTimeMs);
    }

    [Fact]
    public async Task ALessLocalTaskThatOnlyWaitedForASlotIsNotHeldBack()
    {
        // The third task launched at ANY as soon as a slot was free, before any locality wait could have expired.
        var app = await new SyntheticLog(endMs: 2_000)
            .Executor("1", cores: 2, addedMs: 0)
            .PlacedStage(0, 0, 2_000, (0, 1_000, "1", "PROCESS_LOCAL"), (0, 1_000, "1", "PROCESS_LOCAL"), (1_000, 2_000, "1", "ANY"))
            .ReadAsync();

        var result = new ScheduleSimulator(app).Predict(new ClusterShape(2, 2));

        Assert.Equal(1_000, result.WallTimeMs);
    }

    [Fact]
    public async Task TasksWithoutAPreferenceNeverWait()
    {
        var app = await new SyntheticLog(endMs: 4_600)
            .Executor("1", cores: 2, addedMs: 0)
            .PlacedStage(0, 0, 4_600, (0, 1_000, "1", "PROCESS_LOCAL"), (0, 1_000, "1", "PROCESS_LOCAL"), (3_600, 4_600, "1", "NO_PREF"))
            .ReadAsync();

        Assert.Equal(2_000, new ScheduleSimulator(app).Reconstruct().WallTimeMs);
    }
}
