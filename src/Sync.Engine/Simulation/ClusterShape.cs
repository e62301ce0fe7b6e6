namespace Sync.Engine.Simulation;

/// <summary>
/// The executor layout a run is simulated on: how many executors, how many cores each, and how many cores a task
/// takes (<c>spark.task.cpus</c>). Task slots per executor = cores / task CPUs.
/// </summary>
/// <param name="Executors">Number of executors (at least 1).</param>
/// <param name="CoresPerExecutor">Cores of each executor (at least 1).</param>
/// <param name="TaskCpus">Cores each task takes (at least 1).</param>
/// <param name="DefaultParallelism">
/// <c>spark.default.parallelism</c>: partitions of RDD shuffles; <see langword="null"/> = Spark's default, the total cores.
/// </param>
/// <param name="ShufflePartitions"><c>spark.sql.shuffle.partitions</c>; <see langword="null"/> = as observed (Spark's default is 200).</param>
/// <param name="StorageBytesPerExecutor">
/// Memory of each executor available for cached data (its block manager's maximum); <see langword="null"/> = as observed.
/// </param>
public sealed record ClusterShape(
    int Executors, int CoresPerExecutor, int TaskCpus = 1, int? DefaultParallelism = null, int? ShufflePartitions = null, long? StorageBytesPerExecutor = null)
{
    /// <summary>Concurrent task slots of one executor.</summary>
    public int SlotsPerExecutor => Math.Max(1, CoresPerExecutor / Math.Max(1, TaskCpus));

    /// <summary>Concurrent task slots of the whole cluster.</summary>
    public int Slots => Executors * SlotsPerExecutor;

    /// <summary>Total cores, Spark's default parallelism when <see cref="DefaultParallelism"/> is not set.</summary>
    public int TotalCores => Executors * CoresPerExecutor;

    /// <inheritdoc/>
    public override string ToString() => $"{Executors} x {CoresPerExecutor} cores";
}
