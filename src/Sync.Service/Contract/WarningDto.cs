using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>A warning on the wire, e.g. <c>code_hash_changed</c>.</summary>
public sealed class WarningDto
{
    /// <summary>A stable machine-readable code.</summary>
    [JsonPropertyName("code")]
    public string Code { get; init; } = "";

    /// <summary>What it means, for people.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";
}
