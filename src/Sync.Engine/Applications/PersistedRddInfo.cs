namespace Sync.Engine.Applications;

/// <summary>
/// A persisted RDD of a stage's lineage, from the <c>RDD Info</c> of a stage event: an RDD whose storage level keeps
/// it in memory or on disk (<c>cache()</c>, <c>persist(…)</c>). Spark reports the cached sizes as they stood when it
/// wrote the event, so the stage that computes the RDD usually carries them and later stages report 0.
/// </summary>
/// <param name="RddId">The RDD id (<c>RDD ID</c>).</param>
/// <param name="Partitions">Its partitions (<c>Number of Partitions</c>).</param>
/// <param name="CachedPartitions">Partitions cached in memory or on disk (<c>Number of Cached Partitions</c>).</param>
/// <param name="MemoryBytes">Bytes cached in executor memory (<c>Memory Size</c>).</param>
/// <param name="DiskBytes">Bytes cached on executor disks (<c>Disk Size</c>).</param>
/// <param name="UsesMemory">Whether the storage level keeps blocks in memory.</param>
/// <param name="UsesDisk">Whether it keeps blocks on disk (blocks evicted from memory then survive there).</param>
public sealed record PersistedRddInfo(int RddId, int Partitions, int CachedPartitions, long MemoryBytes, long DiskBytes, bool UsesMemory, bool UsesDisk)
{
    /// <summary>The mean size of one cached block (partition), or <see langword="null"/> when none was cached.</summary>
    public double? BlockBytes => CachedPartitions > 0 && MemoryBytes + DiskBytes > 0 ? (MemoryBytes + DiskBytes) / (double)CachedPartitions : null;
}
