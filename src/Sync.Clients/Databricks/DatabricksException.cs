namespace Sync.Clients.Databricks;

/// <summary>A request to the workspace failed. Messages never contain the token.</summary>
internal abstract class DatabricksException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The workspace answered with an error that retrying does not fix (or that retries did not fix): the HTTP status and
/// the <c>error_code</c>/<c>message</c> of its body.
/// </summary>
internal sealed class DatabricksApiException(int statusCode, string errorCode, string serviceMessage, string operation)
    : DatabricksException($"{operation} failed: HTTP {statusCode} {errorCode}: {serviceMessage}")
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The body's <c>error_code</c> (e.g. <c>RESOURCE_DOES_NOT_EXIST</c>, or <c>403</c> for a bad token).</summary>
    public string ErrorCode { get; } = errorCode;

    public string ServiceMessage { get; } = serviceMessage;

    public string Operation { get; } = operation;

    /// <summary>The token is missing, invalid or expired (401, or 403 <c>Invalid access token</c>).</summary>
    public bool IsAuthentication => StatusCode == 401
        || (StatusCode == 403 && ServiceMessage.Contains("access token", StringComparison.OrdinalIgnoreCase));

    /// <summary>The thing asked for does not exist (404, <c>RESOURCE_DOES_NOT_EXIST</c>, or "... does not exist").</summary>
    public bool IsNotFound => StatusCode == 404 || ErrorCode is "RESOURCE_DOES_NOT_EXIST" or "NOT_FOUND"
        || (ErrorCode == "INVALID_PARAMETER_VALUE" && ServiceMessage.Contains("does not exist", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The workspace could not be reached (DNS, connection refused, TLS, timeout) after the retries.</summary>
internal sealed class DatabricksConnectionException(string message, Exception? inner) : DatabricksException(message, inner);
