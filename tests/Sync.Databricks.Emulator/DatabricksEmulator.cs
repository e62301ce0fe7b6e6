using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sync.Databricks.Emulator;

/// <summary>
/// A Databricks workspace emulator on a real Kestrel listener on loopback. <see cref="StartAsync"/> starts one inside a
/// test process on a free port; <c>dotnet Sync.Databricks.Emulator.dll --urls http://127.0.0.1:0</c> runs one as a
/// process and prints its URL.
/// </summary>
public sealed class DatabricksEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests;

    private DatabricksEmulator(WebApplication app, EmulatorWorkspace workspace, ConcurrentQueue<string> requests, Uri baseUri)
    {
        _app = app;
        Workspace = workspace;
        _requests = requests;
        BaseUri = baseUri;
    }

    /// <summary>The workspace URL (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseUri { get; }

    /// <summary>The emulated workspace's state.</summary>
    public EmulatorWorkspace Workspace { get; }

    /// <summary>Faults to inject.</summary>
    public EmulatorFaults Faults => Workspace.Faults;

    /// <summary>The clock the workspace runs on.</summary>
    public EmulatorClock Clock => Workspace.Options.Clock;

    /// <summary>A token the workspace accepts.</summary>
    public string Token => Workspace.Options.Tokens[0];

    /// <summary>Every request answered so far as <c>METHOD /path STATUS</c>.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="options">How it behaves.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<DatabricksEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options ?? new EmulatorOptions(), ["--urls", "http://127.0.0.1:0"], quiet: true, cancellationToken);

    internal static async Task<DatabricksEmulator> StartAsync(EmulatorOptions options, string[] args, bool quiet, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.WebHost.UseKestrel();
        var app = builder.Build();
        var workspace = new EmulatorWorkspace(options);
        var requests = new ConcurrentQueue<string>();
        EmulatorEndpoints.Map(app, workspace, requests);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address.TrimEnd('/') + "/");
        workspace.Host = baseUri.ToString().TrimEnd('/');
        return new DatabricksEmulator(app, workspace, requests, baseUri);
    }

    /// <summary>Waits until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
