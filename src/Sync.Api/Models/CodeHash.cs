using System.Security.Cryptography;

namespace Sync.Api.Models;

/// <summary>Hashes of application code (a main jar, script or notebook), in the form <c>sha256:&lt;hex&gt;</c>.</summary>
public static class CodeHash
{
    /// <summary>Hashes a file's content.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hash, or an error when the file cannot be read.</returns>
    public static async Task<Response<string>> OfFileAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken);
            return Response.FromValue("sha256:" + Convert.ToHexStringLower(hash));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Response.FromError<string>(new SyncError(SyncErrorKind.InvalidInput, $"Cannot read '{path}': {e.Message}", "Check the path of the application's code."));
        }
    }
}
