using Sync.Service;

namespace Sync.Server.Hosting;

/// <summary>Turns the server's <see cref="SyncServerOptions"/> into the service's <see cref="SyncServiceOptions"/>.</summary>
internal static class ServiceOptionsMapping
{
    public static SyncServiceOptions ToServiceOptions(this SyncServerOptions options)
    {
        var provider = options.Database.Provider.Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => StorageProvider.Sqlite,
            "postgresql" or "postgres" or "npgsql" => StorageProvider.PostgreSql,
            _ => throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}': use Sqlite or PostgreSql (--db-provider)."),
        };
        var connection = options.Database.ConnectionString;
        if (provider == StorageProvider.Sqlite && !string.IsNullOrWhiteSpace(connection) && !connection.Contains('='))
        {
            // A bare file path.
            connection = "Data Source=" + Path.GetFullPath(connection);
        }

        return new SyncServiceOptions
        {
            Provider = provider,
            ConnectionString = string.IsNullOrWhiteSpace(connection) ? null : connection,
            DataDirectory = options.DataDirectory!,
            MaxConcurrentPredictions = options.MaxConcurrentPredictions,
            MaxUploadBytes = options.MaxUploadBytes,
            AllowLocalEventLogs = options.AllowLocalEventLogs,
            RunPredictions = true,
        };
    }
}
