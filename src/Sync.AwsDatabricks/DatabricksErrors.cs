using Sync.Api;
using Sync.Clients.Databricks;

namespace Sync.AwsDatabricks;

/// <summary>Turns what the Databricks client throws into a <see cref="SyncError"/> with a hint.</summary>
internal static class DatabricksErrors
{
    public const string TokenHint =
        "Check DATABRICKS_TOKEN, the token passed in the options, or the 'token' of the profile in ~/.databrickscfg (--profile); tokens expire.";

    public static SyncError From(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => new SyncError(SyncErrorKind.Cancelled, "The operation was cancelled."),
        DatabricksConfigurationException e => new SyncError(SyncErrorKind.Authentication, e.Message,
            "Set DATABRICKS_HOST and DATABRICKS_TOKEN, pass host and token, or name a profile of ~/.databrickscfg.", "databricks-config"),
        DatabricksApiException { IsAuthentication: true } e => new SyncError(SyncErrorKind.Authentication,
            $"The Databricks workspace rejected the token ({e.Operation}: HTTP {e.StatusCode} {e.ServiceMessage}).", TokenHint, e.ErrorCode),
        DatabricksApiException { StatusCode: 403 } e => new SyncError(SyncErrorKind.PermissionDenied, e.Message,
            "The token is valid but its user may not do this; ask a workspace admin for the permission.", e.ErrorCode),
        DatabricksApiException { IsNotFound: true } e => new SyncError(SyncErrorKind.NotFound, e.ServiceMessage + $" ({e.Operation}).", null, e.ErrorCode),
        DatabricksApiException { StatusCode: 429 } e => new SyncError(SyncErrorKind.Service, e.Message,
            "The workspace kept throttling requests after the retries; try again later or raise MaxRetries.", e.ErrorCode),
        DatabricksApiException { StatusCode: >= 500 } e => new SyncError(SyncErrorKind.Service, e.Message, "The workspace failed after the retries; try again later.", e.ErrorCode),
        DatabricksApiException { StatusCode: 400 } e => new SyncError(SyncErrorKind.InvalidInput, e.Message, null, e.ErrorCode),
        DatabricksApiException e => new SyncError(SyncErrorKind.Service, e.Message, null, e.ErrorCode),
        DatabricksConnectionException e => new SyncError(SyncErrorKind.Network, e.Message,
            "Check DATABRICKS_HOST (or the profile's host) and that the workspace is reachable from here.", "network"),
        Sync.Clients.Aws.AwsServiceException { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized } e => new SyncError(SyncErrorKind.PermissionDenied,
            $"S3 refused {e.Operation}: {e.ServiceMessage}", "Check that the AWS credentials may read and write the project's S3 location.", e.ErrorCode),
        Sync.Clients.Aws.AwsServiceException e => new SyncError(SyncErrorKind.Service, $"S3 {e.Operation} failed: {e.ServiceMessage}", null, e.ErrorCode),
        Sync.Clients.Aws.AwsNetworkException e => new SyncError(SyncErrorKind.Network, e.Message, "Check the network path to S3.", "network"),
        InvalidDataException e => new SyncError(SyncErrorKind.InvalidInput, e.Message),
        System.Text.Json.JsonException or InvalidOperationException or FormatException => new SyncError(SyncErrorKind.Service,
            $"The Databricks workspace sent an answer of an unexpected shape ({exception.Message}).", "Check that the host is a Databricks workspace.", "unexpected-answer"),
        IOException e => new SyncError(SyncErrorKind.Internal, $"Local I/O failed: {e.Message}"),
        _ => new SyncError(SyncErrorKind.Internal, $"Unexpected {exception.GetType().Name}: {exception.Message}"),
    };
}
