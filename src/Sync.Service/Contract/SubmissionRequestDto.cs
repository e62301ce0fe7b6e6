using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The body of <c>POST /v1/projects/{id}/submissions</c>: a finished run to record in the project.</summary>
public sealed class SubmissionRequestDto
{
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
