using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The body of every failed response: <c>{"error": {"code", "message", "detail"?}}</c>.</summary>
public sealed class ErrorEnvelope
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")]
    public ErrorDto? Error { get; init; }
}
