namespace Sync.Server.Wire;

/// <summary>The <see cref="Sync.Service.Contract.ErrorDto.Code"/> values of the server and the HTTP status each goes with.</summary>
internal static class ErrorCodes
{
    /// <summary>400: the request or one of its values is wrong.</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>401: no bearer token, a wrong, malformed or expired one, or a wrong API key.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>403: the credentials are valid but not allowed to do this.</summary>
    public const string PermissionDenied = "permission_denied";

    /// <summary>404: no such resource for this tenant, or no such route.</summary>
    public const string NotFound = "not_found";

    /// <summary>405: the route exists but not with this method.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>409: the request conflicts with the resource's current state.</summary>
    public const string Conflict = "conflict";

    /// <summary>413: the request body is larger than the server accepts.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>500: a failure inside the server; its log has the details.</summary>
    public const string Internal = "internal_error";

    /// <summary>503: the server is not ready (its database cannot be reached).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The code that goes with an HTTP status the server answers with.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The error code.</returns>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidInput,
        401 => Unauthenticated,
        403 => PermissionDenied,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        503 => Unavailable,
        _ => status >= 500 ? Internal : InvalidInput,
    };
}
