using Sync.Api;
using Sync.AwsEmr.Errors;
using Sync.AwsEmr.Reports;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr;
using Sync.Engine.Clusters;

namespace Sync.AwsEmr;

/// <summary>
/// The AWS EMR part of Sync's developer interface. Every method returns a <see cref="Response{T}"/>: expected
/// failures (unknown cluster, missing credentials or region, throttling after retries, network) come back as a
/// <see cref="SyncError"/> with a hint, never as exceptions. Credentials and region are resolved on first use, the way
/// the AWS SDK for .NET does (<see cref="EmrClientOptions"/>). Methods are virtual for mocking.
/// </summary>
public class EmrClient : IDisposable
{
    private readonly EmrClientOptions _options;
    private readonly EmrClusterReportBuilder _reports;
    private readonly Lock _gate = new();
    private readonly bool _forMocking;
    private EmrServiceClient? _emr;

    /// <summary>Creates a client; nothing is resolved or called until the first operation.</summary>
    /// <param name="options">Region, profile, endpoint, retries; defaults when <see langword="null"/>.</param>
    public EmrClient(EmrClientOptions? options = null)
    {
        _options = options ?? new EmrClientOptions();
        _reports = new EmrClusterReportBuilder(_options.Catalog);
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
