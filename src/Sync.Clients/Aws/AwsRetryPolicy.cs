using System.Net;

namespace Sync.Clients.Aws;

/// <summary>Which AWS failures are worth another attempt, and how long to wait before it (<see cref="AwsRetryOptions"/>).</summary>
internal sealed class AwsRetryPolicy
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerError", "InternalServerException",
        "ServiceUnavailable", "ServiceUnavailableException",
    };

    private readonly AwsRetryOptions _options;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">The settings.</param>
    public AwsRetryPolicy(AwsRetryOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));
        _options = options;
    }

    /// <summary>Attempts in total.</summary>
    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>The time limit of one attempt.</summary>
    public TimeSpan AttemptTimeout => _options.AttemptTimeout;

    /// <summary>Whether <paramref name="code"/> is a throttling error code.</summary>
    /// <param name="code">The service's error code.</param>
    public static bool IsThrottlingCode(string code) => ThrottlingCodes.Contains(code);

    /// <summary>Whether an error answer is worth another attempt.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The service's error code.</param>
    public static bool IsRetryable(HttpStatusCode status, string code) =>
        IsThrottlingCode(code) || TransientCodes.Contains(code)
        || status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>How long to wait after failed attempt <paramref name="attempt"/> (1-based): full jitter over the capped exponential.</summary>
    /// <param name="attempt">The attempt that failed.</param>
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
