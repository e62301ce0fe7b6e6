using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>Which predictions <see cref="PredictionsClient.ListAsync"/> returns; every filter is optional.</summary>
public sealed class PredictionListOptions
{
    /// <summary>Only this project's.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Only for these product codes.</summary>
    public IReadOnlyList<string>? ProductCodes { get; set; }

    /// <summary>Only in this status.</summary>
    public PredictionStatus? Status { get; set; }

    /// <summary>Return only this solution of each.</summary>
    public Preference? Preference { get; set; }

    /// <summary>At most this many, newest first (default 100).</summary>
    public int Limit { get; set; } = 100;
}
