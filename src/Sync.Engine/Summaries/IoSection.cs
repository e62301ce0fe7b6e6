namespace Sync.Engine.Summaries;

/// <summary>Data volumes over all tasks.</summary>
/// <param name="InputBytes">Bytes read from sources.</param>
/// <param name="OutputBytes">Bytes written to sinks.</param>
/// <param name="ShuffleReadBytes">Shuffle bytes read, local and remote.</param>
/// <param name="ShuffleRemoteReadBytes">Shuffle bytes read from other executors.</param>
/// <param name="ShuffleWriteBytes">Shuffle bytes written.</param>
/// <param name="ShuffleFetchWaitMs">Time tasks waited for shuffle fetches.</param>
/// <param name="MemorySpilledBytes">Bytes spilled, in memory size.</param>
/// <param name="DiskSpilledBytes">Bytes spilled, as written to disk.</param>
public sealed record IoSection(
    long InputBytes, long OutputBytes, long ShuffleReadBytes, long ShuffleRemoteReadBytes, long ShuffleWriteBytes, long ShuffleFetchWaitMs,
    long MemorySpilledBytes, long DiskSpilledBytes);
