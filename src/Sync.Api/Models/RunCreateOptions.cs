namespace Sync.Api.Models;

/// <summary>A finished run to record with <see cref="RunsClient.CreateAsync"/>: its cluster report is required.</summary>
public sealed class RunCreateOptions
{
    /// <summary>Creates options with the run's cluster report.</summary>
    /// <param name="clusterReportJson">The cluster report's JSON text (docs/cluster-report.md).</param>
    public RunCreateOptions(string clusterReportJson)
    {
        ClusterReportJson = clusterReportJson;
    }

    /// <summary>The cluster report's JSON text.</summary>
    public string ClusterReportJson { get; set; }

    /// <summary>
    /// The run's id when it was chosen before the run started (a UUID, as in the cluster's <c>sync:run-id</c> tag; see
    /// <see cref="RunArtifactLocation"/>); the service assigns one when <see langword="null"/>.
    /// </summary>
    public string? RunId { get; set; }

    /// <summary>How the run ended; <see cref="RunStatus.Succeeded"/> by default.</summary>
    public RunStatus Status { get; set; } = RunStatus.Succeeded;

    /// <summary>Why a failed run failed (the cluster's state-change reason or the run's state message).</summary>
    public string? StatusMessage { get; set; }

    /// <summary>Where the run's event log is: a local path (made absolute for the embedded backend) or a URL.</summary>
    public string? EventLogLocation { get; set; }

    /// <summary>A hash of the application's code (see <see cref="CodeHash"/>).</summary>
    public string? CodeHash { get; set; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>; taken from the report when not set.</summary>
    public string? ProductCode { get; set; }

    /// <summary>The run's wall time, if known.</summary>
    public TimeSpan? Runtime { get; set; }

    /// <summary>The run's cost in USD, if known.</summary>
    public double? CostUsd { get; set; }
}
