using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>A configuration with its metrics: the basis run or one solution of a prediction.</summary>
public sealed class SolutionDto
{
    /// <summary>The configuration as a cluster report (docs/cluster-report.md).</summary>
    [JsonPropertyName("configuration")]
    public JsonElement Configuration { get; init; }

    /// <summary>Its runtime and cost.</summary>
    [JsonPropertyName("metrics")]
    public MetricsDto Metrics { get; init; } = new();

    /// <summary>Worker nodes. Our addition.</summary>
    [JsonPropertyName("worker_nodes")]
    public int? WorkerNodes { get; init; }

    /// <summary>Executors. Our addition.</summary>
    [JsonPropertyName("executors")]
    public int? Executors { get; init; }

    /// <summary>Cores per executor. Our addition.</summary>
    [JsonPropertyName("cores_per_executor")]
    public int? CoresPerExecutor { get; init; }

    /// <summary>Where the prediction extrapolates, and notes on the cost. Our addition.</summary>
    [JsonPropertyName("warnings")]
    public List<string>? Warnings { get; init; }

    /// <summary>The worker instance type (our addition).</summary>
    [JsonPropertyName("worker_instance_type")]
    public string? WorkerInstanceType { get; init; }

    /// <summary>What differs from the basis run, for people (our addition).</summary>
    [JsonPropertyName("changes")]
    public List<string>? Changes { get; init; }

    /// <summary>
    /// The platform-native request that starts this configuration (our addition): an EMR RunJobFlow request or a
    /// Databricks cluster spec, derived from the basis run's (see <c>Sync.Engine.Specs.PlatformSpec</c>).
    /// </summary>
    [JsonPropertyName("platform_configuration")]
    public JsonElement? PlatformConfiguration { get; init; }
}
