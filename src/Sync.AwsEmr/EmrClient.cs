using Sync.Api;
using Sync.AwsEmr.Errors;
using Sync.AwsEmr.Reports;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.S3;
using Sync.Engine.Clusters;

namespace Sync.AwsEmr;

/// <summary>
/// The AWS EMR part of Sync's developer interface. Every method returns a <see cref="Response{T}"/>: expected
/// failures (unknown cluster, missing credentials or region, throttling after retries, network) come back as a
/// <see cref="SyncError"/> with a hint, never as exceptions. Credentials and region are resolved on first use, the way
/// the AWS SDK for .NET does (<see cref="EmrClientOptions"/>). Methods are virtual for mocking.
/// </summary>
/// <remarks>
/// Made with a <see cref="SyncClient"/> (<see cref="EmrClient(SyncClient, EmrClientOptions?)"/>), it runs the whole loop:
/// <see cref="RunJobFlowAsync(System.Text.Json.Nodes.JsonObject, string?, CancellationToken)"/> starts a cluster
/// prepared for a recorded run, <see cref="WaitForClusterAsync"/> waits for it to end, <see cref="RecordRunAsync"/>
/// records it and predicts, and <see cref="RunPredictionAsync"/> starts the next run with a solution's configuration.
/// Made without one (<see cref="EmrClient(EmrClientOptions?)"/>), only the EMR-only operations work; the others answer
/// with an <see cref="SyncErrorKind.InvalidInput"/> error.
/// </remarks>
public partial class EmrClient : IDisposable
{
    private readonly EmrClientOptions _options;
    private readonly EmrClusterReportBuilder _reports;
    private readonly SyncClient? _sync;
    private readonly Lock _gate = new();
    private readonly bool _forMocking;
    private EmrServiceClient? _emr;
    private S3Storage? _s3;

    /// <summary>Creates a client for EMR-only use (cluster reports, starting clusters without a project); nothing is resolved or called until the first operation.</summary>
    /// <param name="options">Region, profile, endpoint, retries; defaults when <see langword="null"/>.</param>
    public EmrClient(EmrClientOptions? options = null)
    {
        _options = options ?? new EmrClientOptions();
        _reports = new EmrClusterReportBuilder(_options.Catalog);
    }

    /// <summary>Creates a client that records runs and predictions through <paramref name="sync"/>; nothing is resolved or called until the first operation.</summary>
    /// <param name="sync">The Sync client (embedded or remote); not disposed by this client.</param>
    /// <param name="options">Region, profile, endpoint, retries, waits; defaults when <see langword="null"/>.</param>
    public EmrClient(SyncClient sync, EmrClientOptions? options = null)
        : this(options)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
    }

    /// <summary>For mocking frameworks only.</summary>
    protected EmrClient()
    {
        _options = new EmrClientOptions();
        _reports = new EmrClusterReportBuilder();
        _forMocking = true;
    }

    /// <summary>
    /// The engine's cluster report of an EMR cluster, from DescribeCluster, ListInstanceGroups or ListInstanceFleets,
    /// ListInstances, ListBootstrapActions and ListSteps. A cluster that has not terminated yet gets a report up to now,
    /// with a <c>cluster-not-terminated</c> warning.
    /// </summary>
    /// <param name="clusterId">The cluster id (<c>j-…</c>).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The report with its warnings, or the error.</returns>
    public virtual async Task<Response<ClusterReport>> GetClusterReportAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(clusterId))
        {
            return Response.FromError<ClusterReport>(new SyncError(SyncErrorKind.InvalidInput, "A cluster id is required.",
                "Give the id EMR assigned, such as j-2AXXXXXXGAPLF.", "cluster-id-missing"));
        }

        var id = clusterId.Trim();
        try
        {
            var emr = Emr();
            var snapshot = await EmrClusterReportBuilder.ReadAsync(emr, id, cancellationToken).ConfigureAwait(false);
            var built = _reports.Build(snapshot, emr.Region);
            return Response.FromValue(built.Report, built.Warnings);
        }
        catch (Exception e) when (EmrErrors.From(e, $"reading cluster {id}", $"Cluster {id} was not found in {RegionForMessages()}", cancellationToken) is { } error)
        {
            return Response.FromError<ClusterReport>(error);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the EMR client when it was created.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _emr?.Dispose();
            _s3?.Dispose();
        }
    }

    private string RegionForMessages() => _emr?.Region ?? _options.Region ?? "the configured region";

    /// <summary>The EMR client, created on first use; a failure to resolve credentials or region is not cached.</summary>
    private EmrServiceClient Emr()
    {
        if (_forMocking)
        {
            throw new InvalidOperationException("This instance was made for mocking.");
        }

        lock (_gate)
        {
            return _emr ??= CreateEmr();
        }
    }

    /// <summary>The S3 storage, created on first use with the same region, credentials and endpoint as EMR.</summary>
    private S3Storage S3()
    {
        var emr = Emr();
        lock (_gate)
        {
            return _s3 ??= new S3Storage(new S3StorageOptions
            {
                Region = emr.Region,
                Credentials = _options.Credentials ?? AwsEnvironment.ResolveCredentials(_options.Profile),
                ServiceUrl = _options.ServiceUrl,
                MaxAttempts = _options.Retry.MaxAttempts,
            });
        }
    }

    /// <summary>The Sync client, or the error that says this instance was made without one.</summary>
    private Response<SyncClient> Sync(string operation) => _sync is not null
        ? Response.FromValue(_sync)
        : Response.FromError<SyncClient>(new SyncError(SyncErrorKind.InvalidInput,
            $"{operation} records runs or predictions in Sync, but this EmrClient was made without a SyncClient.",
            "Create it with new EmrClient(syncClient, options).", "sync-client-missing"));

    private EmrServiceClient CreateEmr() =>
        new(new EmrServiceClientOptions
        {
            Region = AwsEnvironment.ResolveRegion(_options.Region, _options.Profile),
            Credentials = _options.Credentials ?? AwsEnvironment.ResolveCredentials(_options.Profile),
            ServiceUrl = _options.ServiceUrl,
            Retry = _options.Retry,
            Transport = _options.Transport,
            Log = _options.Log,
        });
}
