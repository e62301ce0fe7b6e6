using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>A recorded run (submission) on the wire.</summary>
public sealed class SubmissionDto
{
    /// <summary>The run's id.</summary>
    [JsonPropertyName("submission_id")]
    public string SubmissionId { get; init; } = "";

    /// <summary>The project it belongs to.</summary>
    [JsonPropertyName("project_id")]
    public string ProjectId { get; init; } = "";

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>.</summary>
    [JsonPropertyName("product")]
    public string Product { get; init; } = "";

    /// <summary>The run's cluster report.</summary>
    [JsonPropertyName("cluster_report")]
    public JsonElement ClusterReport { get; init; }

    /// <summary>Where the run's event log is, if given.</summary>
    [JsonPropertyName("event_log_uri")]
    public string? EventLogUri { get; init; }

    /// <summary>The hash of the application's code, if given.</summary>
    [JsonPropertyName("code_hash")]
    public string? CodeHash { get; init; }

    /// <summary>The run's wall time in seconds, if given.</summary>
    [JsonPropertyName("runtime_seconds")]
    public double? RuntimeSeconds { get; init; }

    /// <summary>The run's cost in USD, if given.</summary>
    [JsonPropertyName("cost_usd")]
    public double? CostUsd { get; init; }

    /// <summary>How the run ended: <see cref="RunStatuses.Succeeded"/> or <see cref="RunStatuses.Failed"/>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = RunStatuses.Succeeded;

    /// <summary>Why a failed run failed, if known.</summary>
    [JsonPropertyName("status_message")]
    public string? StatusMessage { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }
}
