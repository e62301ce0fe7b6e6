using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sync.Service.Storage;

/// <summary>Creates <see cref="SyncDbContext"/>s for the configured provider and brings the schema up to date.</summary>
internal sealed class SyncDatabase
{
    private readonly PooledDbContextFactory<SyncDbContext> _contexts;

    public SyncDatabase(SyncServiceOptions options)
    {
        Provider = options.Provider;
        var builder = new DbContextOptionsBuilder<SyncDbContext>();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                var connection = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? $"Data Source={Path.Combine(options.DataDirectory, "sync.db")}"
                    : options.ConnectionString)
                {
                    // Wait for another connection's write instead of failing at once.
                    DefaultTimeout = 30,
                    // Pooled: opening a SQLite connection (and setting it up) on every request dominated the server's
                    // latency (docs/performance.md, "Server").
                    Pooling = true,
                };
                builder.UseSqlite(connection.ToString());
                break;
            case StorageProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw SyncServiceException.Invalid("A PostgreSQL connection string is required.", "Set SyncServiceOptions.ConnectionString.");
                }

                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw SyncServiceException.Invalid($"Unknown storage provider {options.Provider}.");
        }

        // The migrations are written by hand, without a generated model snapshot.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

        // Contexts are pooled (EF resets one when it is returned): creating and setting up a DbContext per call was most
        // of a small request's time on the server (docs/performance.md, "Server").
        _contexts = new PooledDbContextFactory<SyncDbContext>(builder.Options);
    }

    public StorageProvider Provider { get; }

    public SyncDbContext Open() => _contexts.CreateDbContext();

    /// <summary>Applies the migrations the database lacks; on SQLite also turns on write-ahead logging.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        if (Provider == StorageProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // A database that is up to date (the common case: every open after the first) skips the migrator's heavier
        // machinery; a new or older one is migrated (under EF's migration lock, so concurrent openers are safe).
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (Provider == StorageProvider.Sqlite)
        {
            // Persistent in the file: readers do not block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
