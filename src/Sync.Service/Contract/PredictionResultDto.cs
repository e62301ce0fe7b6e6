using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>What a successful prediction computed; stored as one document and spread into <see cref="PredictionDto"/>.</summary>
public sealed class PredictionResultDto
{
    /// <summary>The Spark application's id (e.g. <c>app-20231107…</c> or <c>application_…</c>).</summary>
    [JsonPropertyName("application_id")]
    public string? ApplicationId { get; init; }

    /// <summary>The Spark application's name.</summary>
    [JsonPropertyName("application_name")]
    public string? ApplicationName { get; init; }

    /// <summary>The observed run: its configuration and measured runtime and modelled cost.</summary>
    [JsonPropertyName("basis")]
    public SolutionDto? Basis { get; init; }

    /// <summary>The named solutions: <c>performance</c>, <c>balanced</c>, <c>economy</c>, and <c>within_sla</c> when a deadline was met.</summary>
    [JsonPropertyName("solutions")]
    public Dictionary<string, SolutionDto>? Solutions { get; init; }

    /// <summary>The runtime/cost front, fastest first.</summary>
    [JsonPropertyName("front")]
    public List<FrontPointDto>? Front { get; init; }

    /// <summary>How many configurations were simulated.</summary>
    [JsonPropertyName("candidates")]
    public int Candidates { get; init; }

    /// <summary>Caveats of the whole prediction (log/report inconsistencies).</summary>
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
