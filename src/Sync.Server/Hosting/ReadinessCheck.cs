namespace Sync.Server.Hosting;

/// <summary>Checks what the server needs to serve requests: its data directory is writable and its database answers.</summary>
internal sealed class ReadinessCheck(SyncServerOptions options, SyncServiceLifetime sync, ILogger<ReadinessCheck> logger)
{
    /// <summary>Why the server is not ready, or <see langword="null"/> when it is.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probe = Path.Combine(options.DataDirectory!, ".ready-" + Guid.NewGuid().ToString("N"));
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Data directory not writable: {Error}", e.Message);
            return "The server's data directory is not writable.";
        }

        try
        {
            // One round trip to the database.
            await sync.Service.Tenants.ExistsAsync("readiness-probe", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Database not reachable: {Error}", e.GetType().Name);
            return "The server's database cannot be reached.";
        }

        return null;
    }
}
