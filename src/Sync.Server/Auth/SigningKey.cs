using System.Security.Cryptography;
using System.Text;

namespace Sync.Server.Auth;

/// <summary>
/// The key that signs bearer tokens: from configuration (<c>Sync:TokenSigningSecret</c>) when set, else a random key
/// kept in <c>token-signing.key</c> (owner-only) in the data directory, so tokens survive a restart.
/// </summary>
internal static class SigningKey
{
    public const string FileName = "token-signing.key";

    public static byte[] Load(string? configuredSecret, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(configuredSecret))
        {
            if (configuredSecret.Length < 32)
            {
                throw new InvalidOperationException("The token signing secret (Sync:TokenSigningSecret) must be at least 32 characters long.");
            }

            return SHA256.HashData(Encoding.UTF8.GetBytes(configuredSecret));
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another server process on the same data directory wrote it first.
            return File.ReadAllBytes(path);
        }
    }
}
