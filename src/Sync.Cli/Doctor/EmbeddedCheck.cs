using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>The embedded backend works: the Sync directory can be written and the embedded database opens.</summary>
internal static class EmbeddedCheck
{
    public static async Task<AccessCheckResult> RunAsync(SyncConfigurationStore store, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(store.Directory);
            var probe = Path.Combine(store.Directory, ".doctor-" + Guid.NewGuid().ToString("N"));
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AccessCheckResult.Fail("api", $"Embedded backend: cannot write to {store.Directory}: {e.Message}", $"Make the directory writable, or set {SyncEnvironmentVariables.Home} to a writable directory.");
        }

        return AccessCheckResult.Ok("api", $"Embedded backend (no server): {store.Directory} is writable.");
    }
}
