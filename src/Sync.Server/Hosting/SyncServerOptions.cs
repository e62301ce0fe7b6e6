namespace Sync.Server.Hosting;

/// <summary>
/// The settings of a Sync server, bound from the configuration section <c>Sync</c> (appsettings, environment variables
/// such as <c>Sync__Database__Provider</c>, or command-line switches: docs/server.md).
/// </summary>
public sealed class SyncServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "Sync";

    /// <summary>The database: provider and connection string.</summary>
    public DatabaseSettings Database { get; set; } = new();

    /// <summary>Where uploaded event logs and the token signing key are kept; default <c>$SYNC_HOME/server</c> (<c>~/.sync/server</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The secret that signs bearer tokens (at least 32 characters), so that several server processes accept each
    /// other's tokens; when unset a random key is kept in the <see cref="DataDirectory"/>.
    /// </summary>
    public string? TokenSigningSecret { get; set; }

    /// <summary>How long a bearer token is valid, in seconds (default one hour).</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>The largest JSON request body accepted, in bytes (default 1 MiB); larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest event log upload accepted, in bytes (default 64 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// Whether <c>eventlog_url</c> may name a file or directory on the server's own disk (a path or <c>file://</c>);
    /// off by default, since that lets any API key holder read the server's files.
    /// </summary>
    public bool AllowLocalEventLogs { get; set; }

    /// <summary>How many predictions run at the same time (default 2).</summary>
    public int MaxConcurrentPredictions { get; set; } = 2;
}
