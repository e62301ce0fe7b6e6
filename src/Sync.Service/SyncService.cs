using Sync.Engine.Catalog;
using Sync.Engine.Simulation;
using Sync.Service.Predictions;
using Sync.Service.Projects;
using Sync.Service.Runs;
using Sync.Service.Security;
using Sync.Service.Storage;
using Sync.Service.Tenants;

namespace Sync.Service;

/// <summary>
/// The Sync service without a transport: tenants, API keys, projects, runs and predictions in a SQLite or PostgreSQL
/// database, and the background prediction runner. Open one per database with <see cref="OpenAsync"/> and dispose it
/// to stop the runner. Every data call is scoped to a tenant and throws <see cref="SyncServiceException"/> for
/// expected failures.
/// </summary>
public sealed class SyncService : IAsyncDisposable
{
    private readonly PredictionRunner _runner;

    private SyncService(SyncServiceOptions options, SyncDatabase database, TimeProvider clock)
    {
        Options = options;
        // Without a catalog file, the catalog CatalogResolver picks (an updated one in the Sync directory, else the
        // built-in) is loaded on the first prediction, so commands that only read projects or runs do not pay for it;
        // a catalog file is read now, so that a bad one fails the open rather than every prediction.
        var catalog = options.CatalogPath is null
            ? new Lazy<InstanceCatalog>(() => CatalogResolver.Resolve().Catalog)
            : new Lazy<InstanceCatalog>(InstanceCatalog.Load(options.CatalogPath));
        // The model's error bands: the user's file in the Sync directory when there is one, read on the first prediction.
        var engine = new PredictionEngine(catalog, new Lazy<ModelErrorBands>(() => ModelErrorBands.Resolve()));
        _runner = new PredictionRunner(database, engine, clock, options.RunningLease);
        Tenants = new TenantService(database, clock);
        ApiKeys = new ApiKeyService(database, clock);
        Projects = new ProjectService(database, clock);
        Runs = new RunService(database, clock);
        Predictions = new PredictionService(database, clock, _runner, engine, new UploadStore(options.DataDirectory, options.MaxUploadBytes), options.AllowLocalEventLogs);
    }

    /// <summary>The options it was opened with.</summary>
    public SyncServiceOptions Options { get; }

    /// <summary>Tenants.</summary>
    public TenantService Tenants { get; }

    /// <summary>API keys.</summary>
    public ApiKeyService ApiKeys { get; }

    /// <summary>Projects.</summary>
    public ProjectService Projects { get; }

    /// <summary>Recorded runs (submissions).</summary>
    public RunService Runs { get; }

    /// <summary>Predictions.</summary>
    public PredictionService Predictions { get; }

    /// <summary>
    /// Opens the service: creates or upgrades the database schema, fails predictions a stopped process left running
    /// (retryable), and starts the prediction runner.
    /// </summary>
    /// <param name="options">Where the data lives and how many predictions run at once.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The open service.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.InvalidInput"/>: bad options.</exception>
    public static Task<SyncService> OpenAsync(SyncServiceOptions options, CancellationToken cancellationToken = default) =>
        OpenCoreAsync(options, TimeProvider.System, cancellationToken);

    internal static async Task<SyncService> OpenCoreAsync(SyncServiceOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxConcurrentPredictions < 1)
        {
            throw SyncServiceException.Invalid($"MaxConcurrentPredictions must be at least 1, not {options.MaxConcurrentPredictions}.");
        }

        if (options.RunningLease < TimeSpan.FromMilliseconds(30))
        {
            throw SyncServiceException.Invalid($"RunningLease must be at least 30 ms, not {options.RunningLease}.");
        }

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw SyncServiceException.Invalid("Set a DataDirectory or a ConnectionString for the SQLite database.");
        }

        var database = new SyncDatabase(options);
        await database.MigrateAsync(cancellationToken);
        var service = new SyncService(options, database, clock);
        await service._runner.StartAsync(options.RunPredictions ? options.MaxConcurrentPredictions : 0, cancellationToken);
        return service;
    }

    /// <summary>Stops the runner; predictions it was running go back to the queue for the next open.</summary>
    /// <returns>A task that completes when the runner has stopped.</returns>
    public ValueTask DisposeAsync() => _runner.DisposeAsync();
}
