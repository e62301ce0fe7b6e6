using Sync.Engine.Simulation;

namespace Sync.Engine.Accuracy;

/// <summary>One run: its shape, measured wall time, and the error of re-simulating it on that shape.</summary>
/// <param name="Set">The set it belongs to.</param>
/// <param name="Path">Its event log.</param>
/// <param name="Shape">The executor layout it ran on.</param>
/// <param name="WallTimeMs">Measured wall time.</param>
/// <param name="ReconstructedMs">Re-simulated wall time on the observed executors.</param>
/// <param name="Error">(reconstructed − measured) / measured.</param>
public sealed record RunAccuracy(string Set, string Path, ClusterShape Shape, long WallTimeMs, long ReconstructedMs, double Error);
