using System.Net;
using System.Text.Json;
using Sync.Service;
using Sync.Service.Contract;

namespace Sync.Api.Backends;

/// <summary>Turns what can go wrong in either backend into a <see cref="SyncError"/> of the right <see cref="SyncErrorKind"/>.</summary>
internal static class ErrorMapping
{
    public static SyncError FromService(SyncServiceException e) => new(e.Kind switch
    {
        ServiceErrorKind.NotFound => SyncErrorKind.NotFound,
        ServiceErrorKind.Conflict => SyncErrorKind.Conflict,
        ServiceErrorKind.Authentication => SyncErrorKind.Authentication,
        ServiceErrorKind.PermissionDenied => SyncErrorKind.PermissionDenied,
        _ => SyncErrorKind.InvalidInput,
    }, e.Message, e.Hint, e.Code);

    public static SyncError FromHttp(HttpStatusCode status, ErrorDto? error, string what)
    {
        var kind = (int)status switch
        {
            400 or 413 or 415 or 422 => SyncErrorKind.InvalidInput,
            401 => SyncErrorKind.Authentication,
            403 => SyncErrorKind.PermissionDenied,
            404 => SyncErrorKind.NotFound,
            409 => SyncErrorKind.Conflict,
            408 or 504 => SyncErrorKind.Timeout,
            _ => SyncErrorKind.Service,
        };
        var hint = error?.Detail ?? kind switch
        {
            SyncErrorKind.Authentication => "Check the API key id and secret (sync-cli configure).",
            SyncErrorKind.Service => "The server failed; retry later, or ask its operator.",
            _ => null,
        };
        var message = string.IsNullOrWhiteSpace(error?.Message) ? $"{what} failed with HTTP {(int)status} ({status})." : error!.Message;
        return new SyncError(kind, message, hint, error?.Code);
    }

    /// <summary>The error of a stored prediction's failure, by its code.</summary>
    public static SyncError FromPredictionError(ErrorDto error) => new(error.Code switch
    {
        "event_log_not_found" => SyncErrorKind.NotFound,
        "event_log_unreadable" => SyncErrorKind.PermissionDenied,
        "interrupted" or "io_error" => SyncErrorKind.Service,
        "internal_error" => SyncErrorKind.Internal,
        _ => SyncErrorKind.InvalidInput,
    }, error.Message, error.Detail, error.Code);

    /// <summary>Any exception a backend call ended with.</summary>
    public static SyncError FromException(Exception e, CancellationToken cancellationToken) => e switch
    {
        SyncErrorException s => s.Error,
        SyncServiceException s => FromService(s),
        OperationCanceledException when cancellationToken.IsCancellationRequested =>
            new SyncError(SyncErrorKind.Cancelled, "The operation was cancelled."),
        OperationCanceledException => new SyncError(SyncErrorKind.Timeout, "The request took too long and was abandoned.",
            "Retry; check the network and the server, or raise SyncClientOptions.RequestTimeout."),
        HttpRequestException h => new SyncError(SyncErrorKind.Network, $"Could not reach the Sync server: {h.Message}",
            "Check the API URL (sync-cli configure), the network, and that the server is running (sync-cli doctor)."),
        JsonException => new SyncError(SyncErrorKind.Service, $"The server's answer could not be read: {e.Message}",
            "Check that the API URL points at a Sync server of a compatible version."),
        InvalidDataException => new SyncError(SyncErrorKind.InvalidInput, e.Message, "Check the file (docs/cluster-report.md, catalog/aws-instances.json)."),
        FileNotFoundException or DirectoryNotFoundException => new SyncError(SyncErrorKind.InvalidInput, e.Message, "Check the path."),
        UnauthorizedAccessException => new SyncError(SyncErrorKind.PermissionDenied, e.Message, "Check the file's permissions."),
        IOException => new SyncError(SyncErrorKind.Internal, $"I/O failed: {e.Message}", "Check the disk and the Sync directory, then retry."),
        _ => new SyncError(SyncErrorKind.Internal, $"{e.GetType().Name}: {e.Message}", "This is a bug in Sync; please report it."),
    };
}
