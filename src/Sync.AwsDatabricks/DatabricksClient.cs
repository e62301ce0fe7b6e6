using Sync.Api;
using Sync.AwsDatabricks.Artifacts;
using Sync.AwsDatabricks.ClusterReports;
using Sync.AwsDatabricks.EventLogs;
using Sync.AwsDatabricks.Runs;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;

namespace Sync.AwsDatabricks;

/// <summary>
/// The Databricks-on-AWS part of the developer interface: cluster reports of finished clusters and runs, waiting for
/// runs and for delivered event logs. Every method returns a <see cref="Response{T}"/>: unknown runs or clusters,
/// missing or rejected tokens, unreachable workspaces, runs still going and timeouts come back as
/// <see cref="SyncError"/>s, never as exceptions. Methods are virtual so that callers can mock the client.
/// </summary>
public partial class DatabricksClient : IDisposable
{
    private readonly DatabricksClientOptions _options;
    private readonly Lazy<(DatabricksRestClient? Client, Exception? Error)> _rest;

    /// <summary>Creates a client; credentials are resolved at the first call, so a missing token is an error of that call.</summary>
    /// <param name="options">Host, token, profile, retries, polling; defaults when <see langword="null"/>.</param>
    public DatabricksClient(DatabricksClientOptions? options = null)
    {
        _options = options ?? new DatabricksClientOptions();
        _rest = new Lazy<(DatabricksRestClient?, Exception?)>(Connect);
    }

    /// <summary>For mocking.</summary>
    protected DatabricksClient()
        : this(null)
    {
    }

    internal DatabricksClient(DatabricksRestClient rest, DatabricksClientOptions options)
    {
        _options = options;
        _rest = new Lazy<(DatabricksRestClient?, Exception?)>(() => (rest, null));
    }

    private InstanceCatalog Catalog => _options.Catalog ?? InstanceCatalog.BuiltIn;

    /// <summary>The cluster report of a terminated cluster.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report with warnings (resizes, lost nodes, abnormal termination), or an error: NotFound, NotReady (still running), Authentication, Network, Service.</returns>
    public virtual Task<Response<ClusterReport>> GetClusterReportAsync(string clusterId, CancellationToken cancellationToken = default) =>
        Call(async rest => await ReportAsync(rest, clusterId, null, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>The cluster report of the cluster a finished job run ran on, with the run's timings.</summary>
    /// <param name="runId">The job run id (or task run id).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report with warnings, or an error: NotFound, NotReady (run still going), Authentication, Network, Service.</returns>
    public virtual Task<Response<ClusterReport>> GetClusterReportAsync(long runId, CancellationToken cancellationToken = default) =>
        Call(async rest =>
        {
            var run = await rest.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
            if (!run.State.IsFinal)
            {
                return NotReady<ClusterReport>($"Run {runId} is still {run.State.LifeCycleState}; its cluster report is made once it has finished.");
            }

            return run.ClusterId is { } clusterId
                ? await ReportAsync(rest, clusterId, run, cancellationToken).ConfigureAwait(false)
                : Response.FromError<ClusterReport>(new SyncError(SyncErrorKind.NotFound,
                    $"Run {runId} ended ({run.State.LifeCycleState} {run.State.ResultState}: {run.State.StateMessage}) without a cluster, so there is no cluster report.", null, "no-cluster"));
        }, cancellationToken);

    /// <summary>Where a run is now.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's status, or an error (NotFound, Authentication, Network, Service).</returns>
    public virtual Task<Response<DatabricksRunStatus>> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        Call(async rest => Response.FromValue(Status(await rest.GetRunAsync(runId, cancellationToken).ConfigureAwait(false))), cancellationToken);

    /// <summary>
    /// Polls a run every <see cref="DatabricksClientOptions.PollInterval"/> until it has finished, reporting each change
    /// of state. A failed run is a successful response whose value says FAILED and why.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="progress">Receives the status whenever it changes.</param>
    /// <param name="cancellationToken">Stops waiting (a Cancelled error).</param>
    /// <returns>The final status, or an error: NotFound, Authentication, Network, Service, Timeout (after <see cref="DatabricksClientOptions.RunWaitTimeout"/>).</returns>
    public virtual Task<Response<DatabricksRunStatus>> WaitForRunAsync(long runId, IProgress<DatabricksRunStatus>? progress = null, CancellationToken cancellationToken = default) =>
        Call(async rest =>
        {
            var deadline = DateTimeOffset.UtcNow + _options.RunWaitTimeout;
            DatabricksRunStatus? last = null;
            while (true)
            {
                var status = Status(await rest.GetRunAsync(runId, cancellationToken).ConfigureAwait(false));
                if (last is null || status.LifeCycleState != last.LifeCycleState || status.ResultState != last.ResultState)
                {
                    progress?.Report(status);
                }

                last = status;
                if (status.IsFinished)
                {
                    return Response.FromValue(status);
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    return Response.FromError<DatabricksRunStatus>(new SyncError(SyncErrorKind.Timeout,
                        $"Run {runId} was still {status.LifeCycleState} after {_options.RunWaitTimeout}.", "Wait again later, or cancel the run in the workspace.", "run-wait-timeout"));
                }

                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <summary>
    /// Polls the log destination until the cluster's event log is delivered and complete: the cluster has terminated,
    /// the live <c>eventlog</c> file is there, and the folder did not change between two polls.
    /// </summary>
    /// <param name="destination">The cluster's log destination (<c>dbfs:/…</c>, or <c>s3://…</c> when <see cref="DatabricksClientOptions.S3Storage"/> is set).</param>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="deadline">When to give up (a Timeout error).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The delivered event log, or an error: Timeout, NotFound, InvalidInput (unsupported destination), Authentication, Network, Service.</returns>
    public virtual Task<Response<DeliveredEventLog>> WaitForEventLogAsync(string destination, string clusterId, DateTimeOffset deadline, CancellationToken cancellationToken = default) =>
        Call(rest => WaitForEventLogAsync(rest, Store(rest), destination, clusterId, deadline, cancellationToken), cancellationToken);

    /// <summary>Copies a delivered event log's files into a local folder that <c>EventLogSource.FromPath</c> reads.</summary>
    /// <param name="eventLog">The delivered log.</param>
    /// <param name="directory">The local folder (created when missing).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>The folder, or an error.</returns>
    public virtual Task<Response<string>> DownloadEventLogAsync(DeliveredEventLog eventLog, string directory, CancellationToken cancellationToken = default) =>
        Call(async rest =>
        {
            ArgumentNullException.ThrowIfNull(eventLog);
            var store = Store(rest);
            if (store.Check(eventLog.Folder, "The event log folder") is { } unsupported)
            {
                return Response.FromError<string>(unsupported);
            }

            await store.DownloadFolderAsync(eventLog.Folder, eventLog.Files.Select(f => f.Name), directory, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(directory);
        }, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP client.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _rest.IsValueCreated)
        {
            _rest.Value.Client?.Dispose();
        }
    }

    private async Task<Response<ClusterReport>> ReportAsync(DatabricksRestClient rest, string clusterId, Run? run, CancellationToken cancellationToken)
    {
        var cluster = await rest.GetClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
        if (cluster.State != "TERMINATED")
        {
            return NotReady<ClusterReport>($"Cluster {clusterId} is {cluster.State}; its report is made once it has terminated.");
        }

        var events = await rest.GetClusterEventsAsync(new ClusterEventsQuery(clusterId), cancellationToken).ConfigureAwait(false);
        var nodeTypes = await rest.ListNodeTypesAsync(cancellationToken).ConfigureAwait(false);
        var (report, warnings) = DatabricksClusterReportBuilder.Build(cluster, events, nodeTypes, run, Catalog, _options.DefaultRegion);
        return Response.FromValue(report, warnings);
    }

    private async Task<Response<DeliveredEventLog>> WaitForEventLogAsync(
        DatabricksRestClient rest, RunArtifactStore store, string destination, string clusterId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (store.Check(destination, "The log destination") is { } unsupported)
        {
            return Response.FromError<DeliveredEventLog>(unsupported);
        }

        var root = destination.TrimEnd('/') + "/" + clusterId + "/eventlog";
        string? previous = null;
        var seen = "nothing";
        while (true)
        {
            var cluster = await rest.GetClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
            var found = FindEventLog(root, await store.ListAsync(root, cancellationToken).ConfigureAwait(false));
            if (found is not null)
            {
                var signature = string.Join("|", found.Value.Log.Files.Select(f => $"{f.Name}:{f.Size}"));
                seen = $"{found.Value.Log.Files.Count} file(s) in {found.Value.Log.Folder}{(found.Value.Log.Files.Any(f => f.Name == "eventlog") ? "" : " without the live eventlog")}";
                if (cluster.State == "TERMINATED" && found.Value.Log.Files.Any(f => f.Name == "eventlog") && signature == previous)
                {
                    return Response.FromValue(found.Value.Log, found.Value.Warnings);
                }

                previous = signature;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return Response.FromError<DeliveredEventLog>(new SyncError(SyncErrorKind.Timeout,
                    $"The event log of cluster {clusterId} was not completely delivered to {destination} by {deadline:u} (cluster {cluster.State}; looked in {root}/, found {seen}).",
                    "Databricks delivers cluster logs every few minutes and after termination; check the cluster's cluster_log_conf and that the destination is writable, then wait again with a later deadline.",
                    "eventlog-not-delivered"));
            }

            var wait = deadline - DateTimeOffset.UtcNow;
            await Task.Delay(wait < _options.PollInterval ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : _options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The latest Spark context's folder among <c>&lt;root&gt;/&lt;cluster&gt;_&lt;ip&gt;/&lt;context&gt;/&lt;file&gt;</c>.</summary>
    private static (DeliveredEventLog Log, IReadOnlyList<SyncWarning> Warnings)? FindEventLog(string root, IReadOnlyList<(string Relative, long Size)> files)
    {
        var contexts = files
            .Select(f => (Parts: f.Relative.Split('/'), f.Size))
            .Where(f => f.Parts.Length == 3)
            .GroupBy(f => f.Parts[0] + "/" + f.Parts[1], StringComparer.Ordinal)
            .ToList();
        if (contexts.Count == 0)
        {
            return null;
        }

        // Spark context ids grow with each restart of the driver; the folder with the live log of the highest id is the latest.
        var latest = contexts.OrderBy(c => c.Any(f => f.Parts[2] == "eventlog")).ThenBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).Last();
        var folder = root + "/" + latest.Key;
        IReadOnlyList<SyncWarning> warnings = contexts.Count == 1 ? [] :
        [
            new SyncWarning("several-spark-contexts",
                $"The cluster wrote event logs of {contexts.Count} Spark contexts (the driver restarted?); the latest, {folder}, is used."),
        ];
        return (new DeliveredEventLog(folder, latest.Select(f => new DeliveredEventLogFile(f.Parts[2], f.Size)).ToList()), warnings);
    }

    private RunArtifactStore Store(DatabricksRestClient rest) => new(rest, _options.S3Storage);

    private static DatabricksRunStatus Status(Run run) => new(
        run.RunId,
        run.State.LifeCycleState,
        run.State.ResultState,
        run.State.StateMessage,
        run.ClusterId,
        run.StartTime is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(run.StartTime.Value) : null,
        run.EndTime is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(run.EndTime.Value) : null,
        run.RunPageUrl);

    private static Response<T> NotReady<T>(string message) =>
        Response.FromError<T>(new SyncError(SyncErrorKind.NotReady, message, "Wait for it to finish (WaitForRunAsync) and ask again.", "not-ready"));

    private (DatabricksRestClient? Client, Exception? Error) Connect()
    {
        try
        {
            var credentials = DatabricksCredentialResolver.Resolve(
                new DatabricksAuthSettings(_options.Host, _options.Token, _options.Profile, _options.ConfigFile), _options.Environment, _options.HomeDirectory);
            return (new DatabricksRestClient(credentials, new DatabricksRestClientOptions
            {
                Retry = new DatabricksRetryPolicy
                {
                    MaxRetries = _options.MaxRetries,
                    BaseDelay = _options.RetryDelay,
                    MaxDelay = _options.MaxRetryDelay,
                    MaxRetryAfter = _options.MaxRetryAfter,
                },
                RequestTimeout = _options.RequestTimeout,
                Log = _options.Log,
            }), null);
        }
        catch (DatabricksConfigurationException e)
        {
            return (null, e);
        }
    }

    private async Task<Response<T>> Call<T>(Func<DatabricksRestClient, Task<Response<T>>> action, CancellationToken cancellationToken)
    {
        var (rest, error) = _rest.Value;
        if (rest is null)
        {
            return Response.FromError<T>(DatabricksErrors.From(error!, cancellationToken));
        }

        try
        {
            return await action(rest).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DatabricksException or Sync.Clients.Aws.AwsServiceException or Sync.Clients.Aws.AwsNetworkException or InvalidDataException or IOException or UnauthorizedAccessException or OperationCanceledException
            or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return Response.FromError<T>(new SyncError(SyncErrorKind.Timeout, "A request to the Databricks workspace timed out."));
            }

            return Response.FromError<T>(DatabricksErrors.From(e, cancellationToken));
        }
    }
}
