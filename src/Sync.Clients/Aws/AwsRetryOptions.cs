namespace Sync.Clients.Aws;

/// <summary>
/// How AWS calls retry throttling, 5xx answers and transient network failures: exponential backoff with full jitter,
/// like the AWS SDKs' standard retry mode (3 attempts by default).
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>Attempts in total, the first included (at least 1). Default 3, as the SDK's standard mode.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The base of the exponential backoff: attempt n waits a random time up to <c>BaseDelay × 2^(n-1)</c>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts. Default 20 s, as the SDK's standard mode.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as a transient failure. Default 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
