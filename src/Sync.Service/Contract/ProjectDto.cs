using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>A project on the wire: one recurring Spark application.</summary>
public sealed class ProjectDto
{
    /// <summary>The project id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The description, if any.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>, if set.</summary>
    [JsonPropertyName("product_code")]
    public string? ProductCode { get; init; }

    /// <summary>The Spark application's id or name, if set.</summary>
    [JsonPropertyName("app_id")]
    public string? AppId { get; init; }

    /// <summary>Where runs keep event logs and reports: <c>s3://…</c>, <c>dbfs:/…</c> or a local directory.</summary>
    [JsonPropertyName("s3_url")]
    public string? ArtifactUrl { get; init; }

    /// <summary>The default preference: <c>performance</c>, <c>balanced</c> or <c>economy</c>.</summary>
    [JsonPropertyName("prediction_preference")]
    public string PredictionPreference { get; init; } = "balanced";

    /// <summary>The deadline of a run, in seconds, if set.</summary>
    [JsonPropertyName("sla_seconds")]
    public double? SlaSeconds { get; init; }

    /// <summary>The most a run may cost, in USD, if set.</summary>
    [JsonPropertyName("cost_ceiling_usd")]
    public double? CostCeilingUsd { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed (UTC).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }
}
