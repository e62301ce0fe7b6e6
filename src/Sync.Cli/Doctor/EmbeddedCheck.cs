using Sync.Api.Configuration;
using Sync.Service;

namespace Sync.Cli.Doctor;

/// <summary>The embedded backend works: its database in the Sync directory opens (created and migrated when new).</summary>
internal static class EmbeddedCheck
{
    public static async Task<AccessCheckResult> RunAsync(SyncConfigurationStore store, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(store.Directory);
            await using var service = await SyncService.OpenAsync(new SyncServiceOptions { DataDirectory = store.Directory, RunPredictions = false }, cancellationToken);
            await service.Tenants.ExistsAsync("doctor", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SyncServiceException or Microsoft.Data.Sqlite.SqliteException)
        {
            return AccessCheckResult.Fail("api", $"Embedded backend: the database in {store.Directory} does not open: {e.Message}", $"Make the directory writable, or set {SyncEnvironmentVariables.Home} to a writable directory.");
        }

        return AccessCheckResult.Ok("api", $"Embedded backend (no server): the database in {store.Directory} opens.");
    }
}
