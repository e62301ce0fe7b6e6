using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>
/// A prediction on the wire: the fields of Sync's v1 API (<c>prediction_id</c>, <c>project_id</c>,
/// <c>application_name</c>, <c>created_at</c>, <c>product_code</c>, <c>product_name</c>, <c>basis</c>, <c>event_log</c>,
/// <c>solutions</c>) and our additions (status, error, front, intervals, warnings, code hash), which old clients ignore.
/// </summary>
public sealed class PredictionDto
{
    /// <summary>The id.</summary>
    [JsonPropertyName("prediction_id")]
    public string PredictionId { get; init; } = "";

    /// <summary>The project, if any.</summary>
    [JsonPropertyName("project_id")]
    public string? ProjectId { get; init; }

    /// <summary>The recorded run it was made from, if any.</summary>
    [JsonPropertyName("run_id")]
    public string? RunId { get; init; }

    /// <summary>The Spark application's id, once read. Our addition.</summary>
    [JsonPropertyName("application_id")]
    public string? ApplicationId { get; init; }

    /// <summary>The Spark application's name, once read.</summary>
    [JsonPropertyName("application_name")]
    public string? ApplicationName { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its status last changed (UTC).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>.</summary>
    [JsonPropertyName("product_code")]
    public string ProductCode { get; init; } = "";

    /// <summary>The product's display name, e.g. <c>Databricks on AWS</c>.</summary>
    [JsonPropertyName("product_name")]
    public string ProductName { get; init; } = "";

    /// <summary>One of <see cref="PredictionStatuses"/>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="PredictionStatuses.Failure"/>.</summary>
    [JsonPropertyName("error")]
    public ErrorDto? Error { get; init; }

    /// <summary>Whether a failed prediction can be retried.</summary>
    [JsonPropertyName("retryable")]
    public bool Retryable { get; init; }

    /// <summary>How many times it was started.</summary>
    [JsonPropertyName("attempts")]
    public int Attempts { get; init; }

    /// <summary>The preferred solution.</summary>
    [JsonPropertyName("preference")]
    public string Preference { get; init; } = "balanced";

    /// <summary>The deadline in seconds, if one was given.</summary>
    [JsonPropertyName("sla_seconds")]
    public double? SlaSeconds { get; init; }

    /// <summary>The hash of the code the prediction is for, if given.</summary>
    [JsonPropertyName("code_hash")]
    public string? CodeHash { get; init; }

    /// <summary>Warnings about the prediction, such as <c>code_hash_changed</c>.</summary>
    [JsonPropertyName("warnings")]
    public List<WarningDto> Warnings { get; init; } = [];

    /// <summary>Where the event log is (as given, or <c>upload://</c> for an uploaded one).</summary>
    [JsonPropertyName("event_log")]
    public string? EventLog { get; init; }

    /// <summary>The observed run, once predicted.</summary>
    [JsonPropertyName("basis")]
    public SolutionDto? Basis { get; init; }

    /// <summary>The named solutions, once predicted (only the preferred one when a preference was asked for).</summary>
    [JsonPropertyName("solutions")]
    public Dictionary<string, SolutionDto>? Solutions { get; init; }

    /// <summary>The runtime/cost front, once predicted.</summary>
    [JsonPropertyName("front")]
    public List<FrontPointDto>? Front { get; init; }

    /// <summary>How many configurations were simulated.</summary>
    [JsonPropertyName("candidates")]
    public int? Candidates { get; init; }

    /// <summary>Caveats of the whole prediction from the engine.</summary>
    [JsonPropertyName("engine_warnings")]
    public List<string>? EngineWarnings { get; init; }

    /// <summary>
    /// How far the model's re-simulation of the basis run is from its measured wall time, (simulated − measured) /
    /// measured (our addition): the first accuracy figure of every prediction.
    /// </summary>
    [JsonPropertyName("reconstruction_error")]
    public double? ReconstructionError { get; init; }

    /// <summary>The instance catalog that priced it: its date (our addition).</summary>
    [JsonPropertyName("catalog_date")]
    public string? CatalogDate { get; init; }
}
