namespace Sync.Api.Models;

/// <summary>One configuration of a <see cref="Prediction"/> (the observed basis, or a solution) with its runtime and cost.</summary>
/// <param name="Runtime">The predicted (or, for the basis, observed) wall time.</param>
/// <param name="CostUsd">The predicted (or modelled) cost in USD.</param>
/// <param name="RuntimeInterval">The runtime's spread, when computed.</param>
/// <param name="WorkerNodes">Worker nodes, when known.</param>
/// <param name="Executors">Executors, when known.</param>
/// <param name="CoresPerExecutor">Cores per executor, when known.</param>
/// <param name="ConfigurationJson">The configuration as a cluster report (docs/cluster-report.md).</param>
/// <param name="Warnings">Where the prediction extrapolates, and cost notes.</param>
public sealed record SolutionSummary(
    TimeSpan Runtime, double CostUsd, RuntimeInterval? RuntimeInterval, int? WorkerNodes, int? Executors, int? CoresPerExecutor,
    string ConfigurationJson, IReadOnlyList<string> Warnings)
{
    /// <summary>The worker instance type, when known.</summary>
    public string? WorkerInstanceType { get; init; }

    /// <summary>What differs from the basis run, for people (e.g. <c>workers: 4 x m5.xlarge → 8 x r5.xlarge</c>).</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>
    /// The platform-native request that starts this configuration, as JSON: an EMR RunJobFlow request or a Databricks
    /// cluster spec derived from the basis run's; <see langword="null"/> for the basis itself.
    /// </summary>
    public string? PlatformConfigurationJson { get; init; }
}
