using Sync.Engine.Applications;

namespace Sync.Engine.Simulation;

/// <summary>
/// The cached data a stage needs in executor memory: the blocks of every persisted RDD that was cached and not yet
/// unpersisted while it ran (<see cref="Resident"/>), and the size of the largest block it reads from the cache.
/// <see cref="Misses"/> packs them onto a cluster's executors the way Spark spreads partitions: each executor holds an
/// equal share of every RDD's partitions (one more for the first <c>partitions mod executors</c>), keeps what fits in its
/// storage memory, and each block it cannot keep is one task that reads its data from elsewhere (recomputes it, or
/// reads it from disk or another executor). <see cref="Of"/> replays a log's cache for <see cref="ApplicationPlanBuilder"/>;
/// <see cref="CacheRescaling"/> and <see cref="GcRescaling"/> use the result.
/// </summary>
internal sealed class CacheFootprint
{
    /// <summary>Per resident RDD, its partitions and the mean size of one cached block.</summary>
    public required (int Partitions, double BlockBytes)[] Resident { get; init; }

    /// <summary>The largest mean block size among the RDDs the stage reads from the cache (what one eviction frees); 0 when it reads none.</summary>
    public required double ReadBlockBytes { get; init; }

    /// <summary>
    /// The largest block the stage caches; 0 when it caches nothing. While a task stores its block, each other task
    /// of the executor that is building one holds storage memory for it too (Spark unrolls a block to cache in storage
    /// memory before it stores it), so an executor of s slots needs s − 1 such blocks beyond the resident ones.
    /// </summary>
    public double UnrollBlockBytes { get; init; }

    /// <summary>Bytes of all <see cref="Resident"/> RDDs: what the stage needs in memory at its fullest.</summary>
    public double ResidentBytes => Resident.Sum(r => r.Partitions * r.BlockBytes);

    /// <summary>Bytes of all cached RDDs resident when the stage started (not what it caches itself): the live data its tasks' heaps hold.</summary>
    public required double ResidentAtStartBytes { get; init; }

    /// <summary>
    /// How many of the stage's <paramref name="tasks"/> find their block gone on <paramref name="executors"/> executors
    /// of <paramref name="storageBytesPerExecutor"/> storage memory each: per executor, its share of the resident bytes
    /// beyond its memory, in blocks of <see cref="ReadBlockBytes"/> (rounded up), at most its share of the tasks; with
    /// <paramref name="slotsPerExecutor"/> − 1 blocks of <see cref="UnrollBlockBytes"/> being unrolled beside it.
    /// </summary>
    public int Misses(int tasks, int executors, double storageBytesPerExecutor, int slotsPerExecutor = 1)
    {
        if (executors <= 0 || tasks <= 0 || ReadBlockBytes <= 0)
        {
            return 0;
        }

        long misses = 0;
        for (var e = 0; e < executors; e++)
        {
            double demand = Math.Max(0, slotsPerExecutor - 1) * UnrollBlockBytes;
            foreach (var (partitions, blockBytes) in Resident)
            {
                demand += Share(partitions, executors, e) * blockBytes;
            }

            var excess = demand - storageBytesPerExecutor;
            if (excess <= 0)
            {
                // Shares only shrink with the executor's index: no later executor overflows either.
                break;
            }

            misses += Math.Min(Share(tasks, executors, e), (long)Math.Ceiling(excess / ReadBlockBytes));
        }

        return (int)Math.Min(tasks, misses);
    }

    /// <summary>
    /// The footprint of every completed stage attempt, by (stage, attempt), when the log sizes some persisted RDD.
    /// Stages are taken in completion order: an RDD is resident from the stage that reports it cached until the log unpersists it
    /// (<see cref="SparkApplication.Unpersists"/>), with the largest block size any stage reported for it; a stage reads
    /// the resident RDDs of its lineage (<see cref="StageAttemptInfo.PersistedRdds"/>) that an earlier stage cached.
    /// </summary>
    public static Dictionary<(int Stage, int Attempt), CacheFootprint> Of(SparkApplication app)
    {
        var footprints = new Dictionary<(int, int), CacheFootprint>();
        var blocks = new Dictionary<int, (int Partitions, double BlockBytes)>();
        foreach (var rdd in app.Stages.SelectMany(s => s.PersistedRdds))
        {
            if (rdd.BlockBytes is { } bytes && (!blocks.TryGetValue(rdd.RddId, out var seen) || bytes > seen.BlockBytes))
            {
                blocks[rdd.RddId] = (rdd.Partitions, bytes);
            }
        }

        if (blocks.Count == 0)
        {
            return footprints;
        }

        var completed = app.Stages.Where(s => s.CompletionTimeMs is not null).OrderBy(s => s.CompletionTimeMs).ThenBy(s => s.StageId).ToArray();
        var unpersists = app.Unpersists.OrderBy(u => u.StagesCompletedBefore).ToArray();
        var resident = new HashSet<int>();
        var next = 0;
        for (var k = 0; k < completed.Length; k++)
        {
            for (; next < unpersists.Length && unpersists[next].StagesCompletedBefore <= k; next++)
            {
                resident.Remove(unpersists[next].RddId);
            }

            var stage = completed[k];
            var read = stage.PersistedRdds.Where(r => resident.Contains(r.RddId) && blocks.ContainsKey(r.RddId)).ToArray();
            var cachedHere = stage.PersistedRdds.Where(r => r.CachedPartitions > 0 && !resident.Contains(r.RddId) && blocks.ContainsKey(r.RddId)).ToArray();
            footprints[(stage.StageId, stage.AttemptId)] = new CacheFootprint
            {
                Resident = resident.Concat(cachedHere.Select(r => r.RddId)).Order().Select(id => blocks[id]).ToArray(),
                ReadBlockBytes = read.Length == 0 ? 0 : read.Max(r => blocks[r.RddId].BlockBytes),
                ResidentAtStartBytes = resident.Sum(id => blocks[id].Partitions * blocks[id].BlockBytes),
                UnrollBlockBytes = cachedHere.Length > 0 ? cachedHere.Max(r => blocks[r.RddId].BlockBytes) : 0,
            };

            resident.UnionWith(cachedHere.Select(r => r.RddId));
        }

        return footprints;
    }

    /// <summary>The partitions of <paramref name="partitions"/> that executor <paramref name="e"/> of <paramref name="executors"/> holds.</summary>
    private static int Share(int partitions, int executors, int e) => partitions / executors + (e < partitions % executors ? 1 : 0);
}
