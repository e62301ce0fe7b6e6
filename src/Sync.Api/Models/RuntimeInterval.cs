namespace Sync.Api.Models;

/// <summary>The spread of a predicted runtime: its 10th percentile, median and 90th percentile.</summary>
/// <param name="P10">The 10th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
public sealed record RuntimeInterval(TimeSpan P10, TimeSpan P50, TimeSpan P90);
