using Sync.Service;

namespace Sync.Server.Hosting;

/// <summary>
/// Opens the <see cref="SyncService"/> when the host starts (migrating the database and starting its background
/// prediction runner, which picks up predictions a crash left behind) and disposes it when the host stops, so that
/// running predictions end cleanly. The endpoints get the open service from <see cref="Service"/>.
/// </summary>
internal sealed class SyncServiceLifetime(SyncServerOptions options, ILogger<SyncServiceLifetime> logger) : IHostedService, IAsyncDisposable
{
    private SyncService? _service;

    public SyncService Service => _service ?? throw new InvalidOperationException("The Sync service is not open yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var serviceOptions = options.ToServiceOptions();
        _service = await SyncService.OpenAsync(serviceOptions, cancellationToken);
        // The connection string is never logged: it may hold a password.
        logger.LogInformation("Sync service open: {Provider} database, data directory {DataDirectory}, {Workers} prediction workers",
            serviceOptions.Provider, serviceOptions.DataDirectory, serviceOptions.MaxConcurrentPredictions);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var service = Interlocked.Exchange(ref _service, null);
        if (service is not null)
        {
            await service.DisposeAsync();
        }
    }
}
