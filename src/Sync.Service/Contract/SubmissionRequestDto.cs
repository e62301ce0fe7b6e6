using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The body of <c>POST /v1/projects/{id}/submissions</c>: a finished run to record in the project.</summary>
public sealed class SubmissionRequestDto
{
    /// <summary>
    /// The run's id, when the caller chose it before the run started (a UUID, as put in the cluster's
    /// <c>sync:run-id</c> tag); the service assigns one when absent. An id already recorded is a conflict.
    /// </summary>
    [JsonPropertyName("submission_id")]
    public string? SubmissionId { get; init; }

    /// <summary>How the run ended: <see cref="RunStatuses.Succeeded"/> (the default) or <see cref="RunStatuses.Failed"/>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Why a failed run failed (the cluster's state-change reason or the run's state message).</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; init; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>.</summary>
    [JsonPropertyName("product")]
    public string? Product { get; init; }

    /// <summary>The run's cluster report (docs/cluster-report.md).</summary>
    [JsonPropertyName("cluster_report")]
    public JsonElement? ClusterReport { get; init; }

    /// <summary>Where the run's event log is: a local path, <c>file://</c>, <c>s3://</c> or <c>dbfs:/</c> URL.</summary>
    [JsonPropertyName("event_log_uri")]
    public string? EventLogUri { get; init; }

    /// <summary>A hash of the application's code (main jar, script or notebook), if known.</summary>
    [JsonPropertyName("code_hash")]
    public string? CodeHash { get; init; }

    /// <summary>The run's wall time in seconds, if known.</summary>
    [JsonPropertyName("runtime_seconds")]
    public double? RuntimeSeconds { get; init; }

    /// <summary>The run's cost in USD, if known.</summary>
    [JsonPropertyName("cost_usd")]
    public double? CostUsd { get; init; }
}
