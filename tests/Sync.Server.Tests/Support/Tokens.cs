using System.Security.Cryptography;
using System.Text;
using Sync.Server.Auth;

namespace Sync.Server.Tests.Support;

/// <summary>Mints bearer tokens the way a server with <paramref name="secret"/> would, at any time.</summary>
public static class Tokens
{
    public static string Mint(string tenantId, DateTimeOffset issuedAt, TimeSpan lifetime, string secret = ServerProcess.SigningSecret) =>
        new BearerTokens(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), lifetime, new FixedTime(issuedAt)).Issue(tenantId, "test-key").Token;
}
