using Sync.Api.Backends;
using Sync.Api.Backends.Embedded;
using Sync.Api.Backends.Http;

namespace Sync.Api;

/// <summary>
/// The entry point of the developer interface: <see cref="Projects"/>, <see cref="Runs"/> and <see cref="Predictions"/>
/// over one backend, embedded (the service in-process on a SQLite file in the user's Sync directory) or remote (a
/// Sync server over HTTP), chosen by <see cref="SyncClientOptions"/>. Every call returns a <see cref="Response"/>;
/// expected failures never throw. Dispose the client to stop the embedded prediction runner or close connections.
/// </summary>
public class SyncClient : IAsyncDisposable
{
    private readonly ISyncBackend _backend;

    /// <summary>A client as the options say.</summary>
    /// <param name="options">Embedded or remote, and how.</param>
    public SyncClient(SyncClientOptions options)
        : this(options, TimeProvider.System)
    {
    }

    internal SyncClient(SyncClientOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _backend = CreateBackend(options, clock);
        var poll = options.PollInterval ?? (options.IsRemote ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100));
        Projects = new ProjectsClient(_backend);
        Runs = new RunsClient(_backend);
        Predictions = new PredictionsClient(_backend, poll);
    }

    /// <summary>For mocking.</summary>
    protected SyncClient()
    {
        Options = new SyncClientOptions();
        _backend = new UnavailableBackend(new SyncError(SyncErrorKind.Internal, "A mock SyncClient has no backend."));
        Projects = null!;
        Runs = null!;
        Predictions = null!;
    }

    /// <summary>The options the client was made with.</summary>
    public SyncClientOptions Options { get; }

    /// <summary>Projects.</summary>
    public virtual ProjectsClient Projects { get; }

    /// <summary>Recorded runs.</summary>
    public virtual RunsClient Runs { get; }

    /// <summary>Predictions.</summary>
    public virtual PredictionsClient Predictions { get; }

    internal ISyncBackend Backend => _backend;

    /// <summary>Stops the embedded prediction runner (queued predictions resume on the next open) or closes HTTP connections.</summary>
    /// <returns>A task that completes when the backend has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static ISyncBackend CreateBackend(SyncClientOptions options, TimeProvider clock)
    {
        if (options.ApiUrl is not { } url)
        {
            return new EmbeddedBackend(options.DataDirectory ?? SyncHome.Resolve(), options.EmbeddedTenantId, options.MaxConcurrentPredictions, options.InstanceCatalogPath);
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new UnavailableBackend(new SyncError(SyncErrorKind.InvalidInput, $"The API URL '{url}' is not an http or https address.",
                "Set the Sync server's address, e.g. https://sync.example.com (sync-cli configure)."));
        }

        return new HttpBackend(options, clock);
    }
}
