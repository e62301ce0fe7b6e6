namespace Sync.Engine.Simulation;

/// <summary>An executor of a simulated run: when it joins (offset from the application start), its task slots, and when it leaves.</summary>
/// <param name="OffsetMs">When it joins, after the application start.</param>
/// <param name="Slots">Concurrent task slots.</param>
/// <param name="RemovedOffsetMs">When it is removed; <see langword="null"/> when it stays to the end.</param>
internal readonly record struct ExecutorArrival(long OffsetMs, int Slots, long? RemovedOffsetMs);
