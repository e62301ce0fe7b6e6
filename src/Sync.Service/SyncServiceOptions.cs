namespace Sync.Service;

/// <summary>How to open a <see cref="SyncService"/>: where its data lives and how many predictions run at once.</summary>
public sealed class SyncServiceOptions
{
    /// <summary>The database kind; <see cref="StorageProvider.Sqlite"/> by default.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string: <c>Data Source=/path/sync.db</c> for SQLite, an Npgsql connection string for PostgreSQL.
    /// When empty with <see cref="StorageProvider.Sqlite"/>, <c>sync.db</c> in <see cref="DataDirectory"/> is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The directory for uploaded event logs (under <c>uploads/</c>) and, by default, the SQLite file.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>How many predictions run at the same time; 1 or more (default 2).</summary>
    public int MaxConcurrentPredictions { get; set; } = 2;

    /// <summary>
    /// Whether a prediction may name an event log by local path or <c>file://</c> URL. True for the embedded backend; a
    /// server reachable by others should set it to <see langword="false"/> so clients cannot read the server's files.
    /// </summary>
    public bool AllowLocalEventLogs { get; set; } = true;

    /// <summary>The largest event-log upload accepted, in bytes (default 16 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 16L << 30;

    /// <summary>Whether to run predictions in the background; when <see langword="false"/> they stay queued (tests, tools).</summary>
    public bool RunPredictions { get; set; } = true;

    /// <summary>
    /// How long a running prediction's lease lasts before it is renewed. A prediction left RUNNING with an expired lease
    /// (its process died) is marked failed and retryable when a service next opens. Default 30 seconds.
    /// </summary>
    public TimeSpan RunningLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The instance catalog file to price configurations with; the built-in catalog when <see langword="null"/>.</summary>
    public string? CatalogPath { get; set; }
}
