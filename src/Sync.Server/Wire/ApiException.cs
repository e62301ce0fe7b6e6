namespace Sync.Server.Wire;

/// <summary>
/// An expected failure of a request that the <see cref="ErrorHandlingMiddleware"/> turns into an
/// <see cref="Sync.Service.Contract.ErrorEnvelope"/> with <see cref="StatusCode"/>. Its message is sent to the client: never put secrets in it.
/// </summary>
internal sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status to answer with.</param>
    /// <param name="message">What went wrong, for the client.</param>
    /// <param name="detail">What the client can do about it.</param>
    public ApiException(int statusCode, string message, string? detail = null)
        : base(message)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>What the client can do about it, or <see langword="null"/>.</summary>
    public string? Detail { get; }
}
