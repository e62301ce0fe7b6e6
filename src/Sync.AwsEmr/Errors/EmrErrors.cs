using Sync.Api;
using Sync.Clients.Aws;

namespace Sync.AwsEmr.Errors;

/// <summary>
/// Turns the failures of the AWS clients into <see cref="SyncError"/>s: what went wrong, in terms of the operation,
/// and what to do. Unknown cluster → <see cref="SyncErrorKind.NotFound"/>; missing credentials →
/// <see cref="SyncErrorKind.Authentication"/>; missing region → <see cref="SyncErrorKind.InvalidInput"/>; throttling
/// after the retries and other service errors → <see cref="SyncErrorKind.Service"/>; unreachable endpoint →
/// <see cref="SyncErrorKind.Network"/> (<see cref="SyncErrorKind.Timeout"/> when it stopped answering).
/// </summary>
internal static class EmrErrors
{
    private static readonly HashSet<string> AuthenticationCodes = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature",
        "MissingAuthenticationToken", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
    };

    private static readonly HashSet<string> PermissionCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "NotAuthorized",
    };

    /// <summary>The error for <paramref name="exception"/>, or <see langword="null"/> when it is not an expected failure.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="what">What was being done, e.g. <c>reading cluster j-1</c>.</param>
    /// <param name="notFound">The message when the service says the resource does not exist.</param>
    /// <param name="cancellationToken">The caller's token, to tell cancellation from a timeout.</param>
    public static SyncError? From(Exception exception, string what, string notFound, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            new SyncError(SyncErrorKind.Cancelled, $"Cancelled while {what}."),
        AwsConfigurationException { Missing: AwsSetting.Region } e =>
            new SyncError(SyncErrorKind.InvalidInput, e.Message, "Pass a region (--region, EmrClientOptions.Region) or set AWS_REGION.", "region-missing"),
        AwsConfigurationException e =>
            new SyncError(SyncErrorKind.Authentication, e.Message,
                "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or pass a profile (--profile).", "credentials-missing"),
        AwsServiceException e when IsNotFound(e) =>
            new SyncError(SyncErrorKind.NotFound, $"{notFound} ({e.ServiceMessage})", "Check the id and the region.", e.ErrorCode),
        AwsServiceException e when AuthenticationCodes.Contains(e.ErrorCode) =>
            new SyncError(SyncErrorKind.Authentication, $"AWS rejected the credentials while {what}: {e.Message}",
                "Check the access key, renew expired session credentials, or pick another profile.", e.ErrorCode),
        AwsServiceException e when PermissionCodes.Contains(e.ErrorCode) =>
            new SyncError(SyncErrorKind.PermissionDenied, $"Not allowed while {what}: {e.Message}",
                $"Grant the {e.Service} permission for {e.Operation} to the role or user.", e.ErrorCode),
        AwsServiceException { IsThrottling: true } e =>
            new SyncError(SyncErrorKind.Service, $"{e.Service} kept throttling while {what}: {e.Message}",
                "Try again later, or allow more attempts (EmrClientOptions.Retry.MaxAttempts).", e.ErrorCode),
        AwsServiceException { ErrorCode: "ValidationException" or "InvalidRequestException" } e =>
            new SyncError(SyncErrorKind.InvalidInput, $"{e.Service} rejected the request while {what}: {e.Message}", null, e.ErrorCode),
        AwsServiceException e =>
            new SyncError(SyncErrorKind.Service, $"{e.Service} failed while {what}: {e.Message}", "Try again later; quote the request id to AWS support if it persists.", e.ErrorCode),
        AwsNetworkException { TimedOut: true } e =>
            new SyncError(SyncErrorKind.Timeout, $"No answer while {what}: {e.Message}", "Check the network, or allow more time (EmrClientOptions.Retry.AttemptTimeout).", "timeout"),
        AwsNetworkException e =>
            new SyncError(SyncErrorKind.Network, $"Could not reach AWS while {what}: {e.Message}", "Check the network, the region and any endpoint override.", "network"),
        InvalidDataException e =>
            new SyncError(SyncErrorKind.Service, $"EMR's answer does not make a valid cluster report: {e.Message}", null, "invalid-report"),
        _ => null,
    };

    /// <summary>Whether EMR says the cluster does not exist: EMR answers <c>InvalidRequestException</c> for an unknown cluster id.</summary>
    private static bool IsNotFound(AwsServiceException e) =>
        e.Service == "EMR" && e.ErrorCode == "InvalidRequestException" && e.Operation is "DescribeCluster"
        || e.ErrorCode is "NoSuchKey" or "NoSuchBucket" or "ResourceNotFoundException";
}
