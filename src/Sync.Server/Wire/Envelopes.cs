using System.Text.Json.Serialization;

namespace Sync.Server.Wire;

/// <summary>The body of every successful response: <c>{"result": …}</c>.</summary>
internal sealed record ResultEnvelope<T>([property: JsonPropertyName("result")] T Result);

/// <summary>The body of every failed response: <c>{"error": {"code", "message", "detail"?}}</c>.</summary>
internal sealed class ErrorEnvelope
{
    [JsonPropertyName("error")]
    public ErrorDto? Error { get; init; }
}

/// <summary>The error of an <see cref="ErrorEnvelope"/>.</summary>
internal sealed class ErrorDto
{
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
