namespace Sync.Clients.Databricks;

/// <summary>
/// How throttled (429), failing (5xx) and unreachable requests are retried: up to <see cref="MaxRetries"/> times,
/// waiting what <c>Retry-After</c> says (at most <see cref="MaxRetryAfter"/>) or else an exponential backoff from
/// <see cref="BaseDelay"/> with jitter, capped at <see cref="MaxDelay"/>.
/// </summary>
internal sealed record DatabricksRetryPolicy
{
    public int MaxRetries { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() / 2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }
}
