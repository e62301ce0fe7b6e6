namespace Sync.Engine;

/// <summary>Quantiles of ascending values by the nearest-rank method: the q-quantile is the value at rank ⌈q·n⌉.</summary>
internal static class NearestRank
{
    public static T Quantile<T>(IReadOnlyList<T> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
