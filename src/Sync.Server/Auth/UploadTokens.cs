using System.Security.Cryptography;
using System.Text;

namespace Sync.Server.Auth;

/// <summary>
/// Tokens that allow one event log upload (the <c>upload_details.fields.token</c> of a new prediction), signed with a
/// key derived from the bearer token key, so that an upload token is never accepted as a bearer token nor the reverse.
/// </summary>
internal sealed class UploadTokens(byte[] signingKey, TimeProvider time)
{
    /// <summary>How long an upload may wait before it starts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly BearerTokens _tokens = new(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes("sync-upload-token")), Lifetime, time);

    public string Issue(string tenantId, string predictionId) => _tokens.Issue(tenantId, predictionId).Token;

    /// <summary>The tenant the token was issued for when it is valid for <paramref name="predictionId"/>, else why not.</summary>
    public (string? TenantId, string? Failure) Validate(string token, string predictionId)
    {
        var (payload, failure) = _tokens.Validate(token);
        if (payload is null)
        {
            return (null, "The upload token is not valid: " + failure);
        }

        return payload.KeyId == predictionId ? (payload.TenantId, null) : (null, "The upload token is for another prediction.");
    }
}
