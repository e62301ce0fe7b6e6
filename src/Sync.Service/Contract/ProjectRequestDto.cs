using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>
/// The body of <c>POST /v1/projects</c> (create: <see cref="Name"/> required) and <c>PUT /v1/projects/{id}</c> (update:
/// members left <see langword="null"/> keep their value).
/// </summary>
public sealed class ProjectRequestDto
{
    /// <summary>The project's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>A description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>.</summary>
    [JsonPropertyName("product_code")]
    public string? ProductCode { get; init; }

    /// <summary>The Spark application's id or name that identifies its runs.</summary>
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    /// <summary>Where runs keep event logs and reports: <c>s3://…</c>, <c>dbfs:/…</c> or a local directory.</summary>
    [JsonPropertyName("s3_url")]
    public string? ArtifactUrl { get; init; }

    /// <summary>The default preference: <c>performance</c>, <c>balanced</c> or <c>economy</c>.</summary>
    [JsonPropertyName("prediction_preference")]
    public string? PredictionPreference { get; init; }

    /// <summary>The deadline of a run, in seconds.</summary>
    [JsonPropertyName("sla_seconds")]
    public double? SlaSeconds { get; init; }

    /// <summary>The most a run may cost, in USD.</summary>
    [JsonPropertyName("cost_ceiling_usd")]
    public double? CostCeilingUsd { get; init; }
}
