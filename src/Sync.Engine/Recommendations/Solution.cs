using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Engine.Simulation;

namespace Sync.Engine.Recommendations;

/// <summary>One candidate configuration with its predicted runtime and cost.</summary>
/// <param name="WorkerNodes">Worker nodes of the observed worker instance type.</param>
/// <param name="Shape">The executor layout on those nodes.</param>
/// <param name="Report">The cluster report of the configuration: the observed one with the worker count changed.</param>
/// <param name="PredictedRuntimeMs">Predicted application wall time.</param>
/// <param name="Cost">Predicted cost of the cluster for the run.</param>
/// <param name="Warnings">Where the prediction extrapolates.</param>
/// <param name="Interval">The runtime's spread from schedule variability; computed for the named solutions only.</param>
public sealed record Solution(
    int WorkerNodes, ClusterShape Shape, ClusterReport Report, long PredictedRuntimeMs, RunCost Cost, IReadOnlyList<string> Warnings,
    PredictionInterval? Interval = null);
