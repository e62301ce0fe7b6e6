using Sync.Engine.Applications;
using Sync.Engine.Simulation;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Simulation;

/// <summary>
/// What held a stage's first launch with slots free is kept as measured (launch latency, a locality wait at its head),
/// and executors that ran no task take no part in the reconstruction.
/// </summary>
public class LaunchWaitTests
{
    [Fact]
    public async Task AStageThatWaitedWithSlotsFreeWaitsAsLongOnEveryTarget()
    {
        // Submitted at 0 with both slots free, its two 1 s tasks launched only at 5 s (executor plugins initialising).
        var app = await new SyntheticLog(endMs: 6_000)
            .Executor("1", cores: 2, addedMs: 0)
            .PlacedStage(0, 0, 6_000, (5_000, 6_000, "1", "ANY"), (5_000, 6_000, "1", "ANY"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        Assert.Equal(6_000, simulator.Reconstruct().WallTimeMs);
        Assert.Equal(6_000, simulator.Predict(new ClusterShape(4, 2)).WallTimeMs);
    }

    [Theory]
    [InlineData(0, 0)] // stage 0 launched at once
    [InlineData(1, 0)] // stage 1 waited for stage 0's tasks to free the two slots: the scheduler's order, no latency
    [InlineData(2, 1_500)] // stage 2 waited 1.5 s with both slots free from 5 s and nothing else launching
    public void LatencyIsTheWaitWithASlotFreeAndNoOtherLaunch(int stage, long expectedMs)
    {
        // One executor of 2 slots: stage 0 ran two tasks 0-4 s; stage 1 (submitted at 0) two tasks 4-5 s; stage 2
        // (submitted at 3 s) launched at 6.5 s although both slots were free from 5 s.
        var tasks = new List<(long, long, int)> { (0, 4_000, 0), (0, 4_000, 0), (4_000, 5_000, 1), (4_000, 5_000, 1), (6_500, 7_000, 2) };
        var latency = new LaunchLatency(tasks, [(0, long.MaxValue, 2)]);
        var (submit, firstLaunch) = stage switch { 0 => (0L, 0L), 1 => (0L, 4_000L), _ => (3_000L, 6_500L) };

        Assert.Equal(expectedMs, latency.Of(stage, submit, firstLaunch));
    }

    [Theory]
    [InlineData(new[] { TaskLocality.Any, TaskLocality.ProcessLocal }, 3_600, 3_000 + 500)]
    [InlineData(new[] { TaskLocality.Any, TaskLocality.ProcessLocal }, 6_900, 6_000 + 500)]
    [InlineData(new[] { TaskLocality.Any, TaskLocality.ProcessLocal }, 2_000, 0)] // too soon for a wait to expire
    [InlineData(new[] { TaskLocality.ProcessLocal, TaskLocality.Any }, 3_600, 0)] // its first task was its most local
    [InlineData(new[] { TaskLocality.NoPref, TaskLocality.ProcessLocal }, 3_600, 0)] // no preference never waits
    public void AStageWhoseFirstTasksRanLessLocalWasHeldForTheWaitsItsGapShows(TaskLocality[] levels, long gapMs, int expectedMs)
    {
        var wait = LocalityWait.From(new Dictionary<string, string>());

        Assert.Equal(expectedMs, wait.Head(levels, gapMs));
    }

    [Fact]
    public async Task AnExecutorThatRanNoTaskTakesNoPartInTheReconstruction()
    {
        // Two executors of 2 cores were added, but delay scheduling kept all four 1 s tasks on executor 1.
        var app = await new SyntheticLog(endMs: 2_000)
            .Executor("1", cores: 2, addedMs: 0)
            .Executor("2", cores: 2, addedMs: 0)
            .PlacedStage(0, 0, 2_000, (0, 1_000, "1", "NODE_LOCAL"), (0, 1_000, "1", "NODE_LOCAL"), (1_000, 2_000, "1", "NODE_LOCAL"), (1_000, 2_000, "1", "NODE_LOCAL"))
            .ReadAsync();
        var simulator = new ScheduleSimulator(app);

        // The run was given two executors (its configuration, what predictions start from); its schedule ran on one.
        Assert.Equal(2, simulator.ObservedShape.Executors);
        Assert.Equal(2_000, simulator.Reconstruct().WallTimeMs);
    }
}
