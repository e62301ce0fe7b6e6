using Sync.Clients.Aws;

namespace Sync.Api.Catalog;

/// <summary>
/// Turns the failures of a catalog update into <see cref="SyncError"/>s that say what to do, and that the catalog in
/// use keeps working: missing credentials → <see cref="SyncErrorKind.Authentication"/>, no <c>pricing:GetProducts</c>
/// permission → <see cref="SyncErrorKind.PermissionDenied"/>, throttling after the retries and other service errors →
/// <see cref="SyncErrorKind.Service"/>, unreachable endpoint → <see cref="SyncErrorKind.Network"/> or
/// <see cref="SyncErrorKind.Timeout"/>, a region without prices → <see cref="SyncErrorKind.InvalidInput"/>.
/// </summary>
internal static class CatalogErrors
{
    private static readonly HashSet<string> AuthenticationCodes = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature",
        "MissingAuthenticationToken", "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
    };

    /// <summary>The error for <paramref name="exception"/>, or <see langword="null"/> when it is not an expected failure.</summary>
    /// <param name="exception">What was thrown.</param>
    /// <param name="keeps">What keeps working, e.g. <c>the built-in catalog of 2026-07-20</c>.</param>
    /// <param name="cancellationToken">The caller's token, to tell cancellation from a timeout.</param>
    public static SyncError? From(Exception exception, string keeps, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            new SyncError(SyncErrorKind.Cancelled, "Cancelled while reading the AWS Price List."),
        AwsConfigurationException e =>
            new SyncError(SyncErrorKind.Authentication, $"The catalog cannot be refreshed from the AWS Price List without AWS credentials: {e.Message}",
                "Set AWS_PROFILE to a profile of ~/.aws/credentials or ~/.aws/config (or pass --profile), or set AWS_ACCESS_KEY_ID and " +
                $"AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials). Until then {keeps} keeps working.", "credentials-missing"),
        AwsServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" } e =>
            new SyncError(SyncErrorKind.PermissionDenied, $"The AWS credentials may not read the Price List (pricing:GetProducts): {e.ServiceMessage}",
                $"Allow the action pricing:GetProducts (resource *) to the user or role, or use other credentials. Until then {keeps} keeps working.", e.ErrorCode),
        AwsServiceException e when AuthenticationCodes.Contains(e.ErrorCode) =>
            new SyncError(SyncErrorKind.Authentication, $"AWS rejected the credentials: {e.Message}",
                $"Check the access key, renew expired session credentials, or pick another profile. Until then {keeps} keeps working.", e.ErrorCode),
        AwsServiceException { IsThrottling: true } e =>
            new SyncError(SyncErrorKind.Service, $"The AWS Price List kept throttling: {e.Message}", "Try again in a few minutes.", e.ErrorCode),
        AwsServiceException e =>
            new SyncError(SyncErrorKind.Service, $"The AWS Price List failed: {e.Message}", $"Try again later. Until then {keeps} keeps working.", e.ErrorCode),
        AwsNetworkException { TimedOut: true } e =>
            new SyncError(SyncErrorKind.Timeout, $"The AWS Price List did not answer: {e.Message}", "Check the network and try again.", "timeout"),
        AwsNetworkException e =>
            new SyncError(SyncErrorKind.Network, $"Could not reach the AWS Price List: {e.Message}", "Check the network, a proxy, or the endpoint override.", "network"),
        InvalidDataException e =>
            new SyncError(SyncErrorKind.InvalidInput, e.Message, "Pass region codes such as us-east-1 or eu-west-1 (--region).", "no-prices"),
        _ => null,
    };
}
