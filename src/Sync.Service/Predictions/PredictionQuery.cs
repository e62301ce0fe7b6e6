namespace Sync.Service.Predictions;

/// <summary>Which predictions <see cref="PredictionService.ListAsync"/> returns; every filter is optional.</summary>
public sealed class PredictionQuery
{
    /// <summary>Only predictions of this project.</summary>
    public string? ProjectId { get; init; }

    /// <summary>Only predictions for these product codes.</summary>
    public IReadOnlyList<string>? Products { get; init; }

    /// <summary>Only predictions in this status (one of <see cref="Contract.PredictionStatuses"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Return only this solution of each (<c>performance</c>, <c>balanced</c>, <c>economy</c>).</summary>
    public string? Preference { get; init; }

    /// <summary>At most this many, newest first (default 100, at most 1000).</summary>
    public int Limit { get; init; } = 100;
}
