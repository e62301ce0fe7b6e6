using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The 10th, 50th and 90th percentile of a predicted runtime, in seconds.</summary>
public sealed class RuntimeIntervalDto
{
    /// <summary>The 10th percentile, in seconds.</summary>
    [JsonPropertyName("p10")]
    public double P10 { get; init; }

    /// <summary>The median, in seconds.</summary>
    [JsonPropertyName("p50")]
    public double P50 { get; init; }

    /// <summary>The 90th percentile, in seconds.</summary>
    [JsonPropertyName("p90")]
    public double P90 { get; init; }
}
