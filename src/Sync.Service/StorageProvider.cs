namespace Sync.Service;

/// <summary>Which database <see cref="SyncService"/> keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file (the default; the embedded backend and a single server).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (servers that share one database).</summary>
    PostgreSql,
}
