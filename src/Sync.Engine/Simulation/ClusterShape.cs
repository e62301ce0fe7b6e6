namespace Sync.Engine.Simulation;

/// <summary>
/// The executor layout a run is simulated on: how many executors, how many cores each, and how many cores a task
/// takes (<c>spark.task.cpus</c>). Task slots per executor = cores / task CPUs.
/// </summary>
/// <param name="Executors">Number of executors (at least 1).</param>
/// <param name="CoresPerExecutor">Cores of each executor (at least 1).</param>
/// <param name="TaskCpus">Cores each task takes (at least 1).</param>
public sealed record ClusterShape(int Executors, int CoresPerExecutor, int TaskCpus = 1)
{
    /// <summary>Concurrent task slots of one executor.</summary>
    public int SlotsPerExecutor => Math.Max(1, CoresPerExecutor / Math.Max(1, TaskCpus));

    /// <summary>Concurrent task slots of the whole cluster.</summary>
    public int Slots => Executors * SlotsPerExecutor;

    /// <inheritdoc/>
    public override string ToString() => $"{Executors} x {CoresPerExecutor} cores";
}
