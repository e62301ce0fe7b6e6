using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The result of <c>GET /v1/autotuner/predictions/{id}/status</c>.</summary>
public sealed class PredictionStatusDto
{
    /// <summary>One of <see cref="PredictionStatuses"/>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";
}
