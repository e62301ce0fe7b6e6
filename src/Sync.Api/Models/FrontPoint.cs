namespace Sync.Api.Models;

/// <summary>One point of a prediction's runtime/cost front.</summary>
/// <param name="WorkerNodes">Worker nodes.</param>
/// <param name="Runtime">Predicted wall time.</param>
/// <param name="CostUsd">Predicted cost in USD.</param>
public sealed record FrontPoint(int WorkerNodes, TimeSpan Runtime, double CostUsd)
{
    /// <summary>The worker instance type, when known.</summary>
    public string? WorkerInstanceType { get; init; }
}
