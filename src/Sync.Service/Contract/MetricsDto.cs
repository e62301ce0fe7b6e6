using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>Runtime and cost of a configuration: <see cref="Runtime"/> in seconds, <see cref="Cost"/> in USD.</summary>
public sealed class MetricsDto
{
    /// <summary>The (predicted or observed) wall time in seconds.</summary>
    [JsonPropertyName("runtime")]
    public double Runtime { get; init; }

    /// <summary>The (predicted or observed) cost in USD.</summary>
    [JsonPropertyName("cost")]
    public double Cost { get; init; }

    /// <summary>The spread of the predicted runtime, when computed. Our addition.</summary>
    [JsonPropertyName("runtime_interval")]
    public RuntimeIntervalDto? RuntimeInterval { get; init; }
}
