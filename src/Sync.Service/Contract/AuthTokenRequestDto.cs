using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The body of <c>POST /v1/auth/token</c>: an API key id and its secret.</summary>
public sealed class AuthTokenRequestDto
{
    /// <summary>The API key id.</summary>
    [JsonPropertyName("api_key_id")]
    public string ApiKeyId { get; init; } = "";

    /// <summary>The API key secret.</summary>
    [JsonPropertyName("api_key_secret")]
    public string ApiKeySecret { get; init; } = "";
}
