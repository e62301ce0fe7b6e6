namespace Sync.Engine.Simulation;

/// <summary>The outcome of simulating an application on a <see cref="ClusterShape"/> with <see cref="ScheduleSimulator"/>.</summary>
/// <param name="Shape">The shape simulated.</param>
/// <param name="WallTimeMs">Predicted wall time, application start to end.</param>
/// <param name="TaskActiveTimeMs">Predicted time with at least one task running.</param>
/// <param name="DriverOnlyTimeMs">Predicted time with no task running (kept as measured where the driver worked alone).</param>
/// <param name="Tasks">Task attempts placed on slots.</param>
/// <param name="Warnings">Where the prediction extrapolates or the log is incomplete.</param>
public sealed record SimulationResult(ClusterShape Shape, long WallTimeMs, long TaskActiveTimeMs, long DriverOnlyTimeMs, int Tasks, IReadOnlyList<string> Warnings);
