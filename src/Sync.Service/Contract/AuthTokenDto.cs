using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The result of <c>POST /v1/auth/token</c>: a bearer token and when it expires.</summary>
public sealed class AuthTokenDto
{
    /// <summary>The token, sent as <c>Authorization: Bearer …</c>.</summary>
    [JsonPropertyName("access_token")]
    public string AccessToken { get; init; } = "";

    /// <summary>When the token stops being accepted (UTC).</summary>
    [JsonPropertyName("expires_at_utc")]
    public DateTimeOffset ExpiresAtUtc { get; init; }
}
