using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Server.Auth;

/// <summary>
/// Issues and checks the short-lived bearer tokens of <c>POST /v1/auth/token</c>:
/// <c>sync1.&lt;payload&gt;.&lt;signature&gt;</c>, the payload base64url JSON of tenant, key id and expiry, the
/// signature its HMAC-SHA256 with the server's signing key. Checking needs no database; a token stops working at
/// its expiry or when the signing key changes.
/// </summary>
internal sealed class BearerTokens(byte[] signingKey, TimeSpan lifetime, TimeProvider time)
{
    private const string Prefix = "sync1.";

    public TimeSpan Lifetime => lifetime;

    /// <summary>A new token for <paramref name="tenantId"/>, valid for <see cref="Lifetime"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string tenantId, string keyId)
    {
        var expires = time.GetUtcNow().Add(lifetime);
        expires = DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds());
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(tenantId, keyId, expires.ToUnixTimeSeconds()));
        var body = Base64Url.EncodeToString(payload);
        return (Prefix + body + "." + Sign(body), expires);
    }

    /// <summary>The tenant and key of a valid token, or why it is not valid (a message safe to send back).</summary>
    public (TokenPayload? Payload, string? Failure) Validate(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.AsSpan(Prefix.Length).IndexOf('.') is var dot && dot < 0)
        {
            return (null, "The bearer token is malformed.");
        }

        var body = token.Substring(Prefix.Length, dot);
        var signature = token[(Prefix.Length + dot + 1)..];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body)), Encoding.ASCII.GetBytes(signature)))
        {
            return (null, "The bearer token's signature is not valid (was it issued by another server?).");
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(body));
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, "The bearer token is malformed.");
        }

        if (payload is null || string.IsNullOrEmpty(payload.TenantId))
        {
            return (null, "The bearer token is malformed.");
        }

        return time.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt
            ? (null, "The bearer token has expired.")
            : (payload, null);
    }

    private string Sign(string body) => Base64Url.EncodeToString(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(body)));

    /// <summary>What a token says: its tenant, the API key it was issued for, and its expiry (Unix seconds).</summary>
    internal sealed record TokenPayload(
        [property: JsonPropertyName("t")] string TenantId,
        [property: JsonPropertyName("k")] string KeyId,
        [property: JsonPropertyName("e")] long ExpiresAt);
}
