using System.Security.Cryptography;

namespace Sync.Service.Security;

/// <summary>Salted PBKDF2-SHA256 hashes of API key secrets, compared in constant time.</summary>
internal static class SecretHasher
{
    private const int Iterations = 20_000;
    private const int HashBytes = 32;

    public static (string Hash, string Salt) Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(Derive(secret, salt)), Convert.ToBase64String(salt));
    }

    public static bool Verify(string secret, string hash, string salt)
    {
        byte[] expected, saltBytes;
        try
        {
            expected = Convert.FromBase64String(hash);
            saltBytes = Convert.FromBase64String(salt);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Derive(secret, saltBytes), expected);
    }

    private static byte[] Derive(string secret, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(secret, salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
}
