using Sync.Engine.Catalog;

namespace Sync.Engine.Recommendations;

/// <summary>
/// How executors sit on one worker node: how many per node and how many cores each, and the node memory each gets.
/// A candidate node type keeps the observed cores per executor when it has that many vCPUs (fewer otherwise) and packs
/// as many executors as its vCPUs hold; each executor's memory is its share of the node's memory.
/// </summary>
/// <param name="ExecutorsPerNode">Executors on each worker node.</param>
/// <param name="CoresPerExecutor">Cores of each executor.</param>
/// <param name="NodeMemoryMiBPerExecutor">The node's memory divided among its executors.</param>
public sealed record ExecutorLayout(int ExecutorsPerNode, int CoresPerExecutor, double NodeMemoryMiBPerExecutor)
{
    /// <summary>The layout of executors of <paramref name="coresPerExecutor"/> cores on <paramref name="node"/>.</summary>
    /// <param name="node">The worker node type.</param>
    /// <param name="coresPerExecutor">The wanted cores per executor.</param>
    /// <param name="oneExecutorPerNode">Whether each node runs a single executor with all its vCPUs (Databricks).</param>
    /// <returns>The layout.</returns>
    public static ExecutorLayout On(InstanceType node, int coresPerExecutor, bool oneExecutorPerNode)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (oneExecutorPerNode)
        {
            return new ExecutorLayout(1, Math.Max(1, node.Vcpu), node.MemoryMiB);
        }

        var cores = Math.Clamp(coresPerExecutor, 1, Math.Max(1, node.Vcpu));
        var perNode = Math.Max(1, node.Vcpu / cores);
        return new ExecutorLayout(perNode, cores, node.MemoryMiB / (double)perNode);
    }
}
