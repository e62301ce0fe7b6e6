using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>
/// The body of <c>POST /v1/autotuner/predictions</c>. The basis is either a recorded run (<see cref="RunId"/>) or an
/// event log (<see cref="EventLogUrl"/>, or uploaded afterwards when absent) with its cluster report (<see cref="Configs"/>).
/// </summary>
public sealed class PredictionRequestDto
{
    /// <summary>The project to file the prediction under, if any.</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>A recorded run to predict from (its event log and report are used when not given here). Our addition.</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; init; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>; taken from the report when absent.</summary>
    [JsonPropertyName("product_code")]
    public string? ProductCode { get; init; }

    /// <summary>Where the event log is (local path or <c>file://</c> where allowed); absent: it will be uploaded.</summary>
    [JsonPropertyName("eventlog_url")]
    public string? EventLogUrl { get; init; }

    /// <summary>The run's cluster report (docs/cluster-report.md).</summary>
    [JsonPropertyName("configs")]
    public JsonElement? Configs { get; init; }

    /// <summary>The preferred solution: <c>performance</c>, <c>balanced</c> or <c>economy</c>. Our addition.</summary>
    [JsonPropertyName("preference")]
    public string? Preference { get; init; }

    /// <summary>The deadline in seconds: economy becomes the cheapest within it. Our addition.</summary>
    [JsonPropertyName("sla_seconds")]
    public double? SlaSeconds { get; init; }

    /// <summary>The hash of the code the prediction is for; a warning is returned when it differs from the basis run's. Our addition.</summary>
    [JsonPropertyName("code_hash")]
    public string? CodeHash { get; init; }
}
