using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>An error on the wire, in an <see cref="ErrorEnvelope"/> or a failed <see cref="PredictionDto"/>.</summary>
public sealed class ErrorDto
{
    /// <summary>A stable machine-readable code, e.g. <c>prediction_not_found</c>.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    /// <summary>What went wrong, for people. Never contains a secret.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";

    /// <summary>What the caller can do about it, or other detail; optional.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
