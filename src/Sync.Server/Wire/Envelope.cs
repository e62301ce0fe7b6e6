using Sync.Service.Contract;

namespace Sync.Server.Wire;

/// <summary>Wraps results in the wire contract's <see cref="ResultEnvelope{T}"/>.</summary>
internal static class Envelope
{
    /// <summary><c>200 {"result": value}</c>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Ok<ResultEnvelope<T>> Ok<T>(T value) => TypedResults.Ok(new ResultEnvelope<T> { Result = value });

    /// <summary><c>202 {"result": value}</c>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.Accepted<ResultEnvelope<T>> Accepted<T>(T value) => TypedResults.Accepted((string?)null, new ResultEnvelope<T> { Result = value });

    /// <summary>The error envelope of <paramref name="code"/>.</summary>
    public static ErrorEnvelope Error(string code, string message, string? detail) => new() { Error = new ErrorDto { Code = code, Message = message, Detail = detail } };
}
