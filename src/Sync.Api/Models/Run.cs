namespace Sync.Api.Models;

/// <summary>A finished run recorded in a project.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="ProjectId">Its project.</param>
/// <param name="ProductCode"><c>aws-emr</c> or <c>aws-databricks</c>.</param>
/// <param name="ClusterReportJson">Its cluster report (docs/cluster-report.md).</param>
/// <param name="EventLogLocation">Where its event log is, if recorded.</param>
/// <param name="CodeHash">The hash of the application's code, if recorded.</param>
/// <param name="Runtime">Its wall time, if recorded.</param>
/// <param name="CostUsd">Its cost in USD, if recorded.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record Run(
    string Id, string ProjectId, string ProductCode, string ClusterReportJson, string? EventLogLocation, string? CodeHash, TimeSpan? Runtime,
    double? CostUsd, DateTimeOffset CreatedAt)
{
    /// <summary>How the run ended.</summary>
    public RunStatus Status { get; init; } = RunStatus.Succeeded;

    /// <summary>Why a failed run failed, if recorded.</summary>
    public string? StatusMessage { get; init; }
}
