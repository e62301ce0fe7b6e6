using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>One point of a prediction's runtime/cost front. Our addition.</summary>
public sealed class FrontPointDto
{
    /// <summary>Worker nodes.</summary>
    [JsonPropertyName("worker_nodes")]
    public int WorkerNodes { get; init; }

    /// <summary>Predicted runtime and cost.</summary>
    [JsonPropertyName("metrics")]
    public MetricsDto Metrics { get; init; } = new();

    /// <summary>The worker instance type of this point (our addition).</summary>
    [JsonPropertyName("worker_instance_type")]
    public string? WorkerInstanceType { get; init; }
}
