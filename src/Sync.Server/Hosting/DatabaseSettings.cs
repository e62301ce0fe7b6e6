namespace Sync.Server.Hosting;

/// <summary>The database of a Sync server (part of <see cref="SyncServerOptions"/>).</summary>
public sealed class DatabaseSettings
{
    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string: for SQLite a file path or <c>Data Source=…</c> (default <c>sync.db</c> in the data
    /// directory), for PostgreSQL an Npgsql connection string. Never logged: it may hold a password.
    /// </summary>
    public string? ConnectionString { get; set; }
}
