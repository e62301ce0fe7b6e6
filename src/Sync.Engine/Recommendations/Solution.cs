using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Engine.Simulation;

namespace Sync.Engine.Recommendations;

/// <summary>One candidate configuration with its predicted runtime and cost.</summary>
/// <param name="WorkerNodes">Worker nodes (of <see cref="WorkerInstanceType"/>).</param>
/// <param name="Shape">The executor layout on those nodes.</param>
/// <param name="Report">The cluster report of the configuration: the observed one with the workers (and the Spark settings that follow them) changed.</param>
/// <param name="PredictedRuntimeMs">Predicted application wall time.</param>
/// <param name="Cost">Predicted cost of the cluster for the run.</param>
/// <param name="Warnings">Where the prediction extrapolates.</param>
/// <param name="Interval">Where the runtime is expected to fall, p10 to p90 (<see cref="ScheduleSimulator.PredictInterval"/>); computed for the named solutions only.</param>
public sealed record Solution(
    int WorkerNodes, ClusterShape Shape, ClusterReport Report, long PredictedRuntimeMs, RunCost Cost, IReadOnlyList<string> Warnings,
    PredictionInterval? Interval = null)
{
    /// <summary>The worker instance type of the configuration.</summary>
    public string WorkerInstanceType => Report.Nodes[^1].InstanceType;

    /// <summary>
    /// The platform-native request that starts this configuration (<see cref="Specs.PlatformSpec"/>): a RunJobFlow request
    /// on EMR, a cluster spec on Databricks, derived from the observed one. Set for the named solutions and the front.
    /// </summary>
    public System.Text.Json.Nodes.JsonObject? PlatformConfiguration { get; init; }

    /// <summary>What differs from the observed run, for people (e.g. <c>workers: 4 x m5.xlarge → 8 x r5.xlarge</c>); empty for the observed run itself.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}
