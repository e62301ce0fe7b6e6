using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Clients.Aws.Emr.Model;

namespace Sync.Clients.Aws.Emr;

/// <summary>
/// A small typed client of the Amazon EMR API (JSON 1.1 protocol, SigV4 service <c>elasticmapreduce</c>) for the
/// operations Sync needs. The list operations follow <c>Marker</c> pagination and return every item. Throttling, 5xx
/// answers and network failures are retried (<see cref="AwsRetryOptions"/>); what remains surfaces as
/// <see cref="AwsServiceException"/>, <see cref="AwsNetworkException"/> or <see cref="AwsConfigurationException"/>.
/// <c>RunJobFlow</c> is not idempotent, so it is retried only when EMR throttled it or the connection could not be made.
/// Methods are virtual so that callers can substitute the client in their own tests.
/// </summary>
public class EmrServiceClient : IDisposable
{
    internal static readonly AwsJsonServiceDescription Service = new("EMR", "elasticmapreduce", "ElasticMapReduce", "elasticmapreduce");

    private readonly AwsJsonProtocolClient? _protocol;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Region, credentials, endpoint, retries.</param>
    public EmrServiceClient(EmrServiceClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Region);
        _protocol = new AwsJsonProtocolClient(Service, options.ServiceUrl ?? Service.RegionalEndpoint(options.Region), options.Region,
            options.Credentials, options.Retry, options.Transport, options.Log);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected EmrServiceClient()
    {
    }

    /// <summary>The region requests are signed for.</summary>
    public virtual string Region => Protocol.Region;

    /// <summary>The endpoint requests go to.</summary>
    public virtual Uri Endpoint => Protocol.Endpoint;

    private AwsJsonProtocolClient Protocol => _protocol ?? throw new InvalidOperationException("This instance was made for mocking.");

    /// <summary><c>RunJobFlow</c>: starts a cluster.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new cluster's id and ARN.</returns>
    public virtual Task<RunJobFlowOutput> RunJobFlowAsync(RunJobFlowInput request, CancellationToken cancellationToken = default) =>
        Protocol.SendAsync<RunJobFlowInput, RunJobFlowOutput>("RunJobFlow", request, EmrJson.Options, cancellationToken, idempotent: false);

    /// <summary><c>RunJobFlow</c> with the request as JSON, exactly as in the EMR API reference; sent as it is.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new cluster's id and ARN.</returns>
    public virtual Task<RunJobFlowOutput> RunJobFlowAsync(JsonObject request, CancellationToken cancellationToken = default) =>
        Protocol.SendAsync<JsonObject, RunJobFlowOutput>("RunJobFlow", request, EmrJson.Options, cancellationToken, idempotent: false);

    /// <summary><c>DescribeCluster</c>.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cluster.</returns>
    public virtual async Task<Cluster> DescribeClusterAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var output = await Protocol.SendAsync<DescribeClusterInput, DescribeClusterOutput>("DescribeCluster",
            new DescribeClusterInput { ClusterId = clusterId }, EmrJson.Options, cancellationToken).ConfigureAwait(false);
        return output.Cluster ?? throw new AwsServiceException(Service.Name, "DescribeCluster", System.Net.HttpStatusCode.OK,
            "UnreadableResponse", "the answer has no Cluster", null, 1);
    }

    /// <summary><c>ListInstanceGroups</c>, every page.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups.</returns>
    public virtual Task<IReadOnlyList<InstanceGroup>> ListInstanceGroupsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(null, async marker =>
        {
            var page = await Protocol.SendAsync<ListInstanceGroupsInput, ListInstanceGroupsOutput>("ListInstanceGroups",
                new ListInstanceGroupsInput { ClusterId = clusterId, Marker = marker }, EmrJson.Options, cancellationToken).ConfigureAwait(false);
            return (page.InstanceGroups, page.Marker);
        });

    /// <summary><c>ListInstanceFleets</c>, every page.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fleets.</returns>
    public virtual Task<IReadOnlyList<InstanceFleet>> ListInstanceFleetsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(null, async marker =>
        {
            var page = await Protocol.SendAsync<ListInstanceFleetsInput, ListInstanceFleetsOutput>("ListInstanceFleets",
                new ListInstanceFleetsInput { ClusterId = clusterId, Marker = marker }, EmrJson.Options, cancellationToken).ConfigureAwait(false);
            return (page.InstanceFleets, page.Marker);
        });

    /// <summary><c>ListInstances</c>, every page.</summary>
    /// <param name="request">The cluster id and optional filters; its <see cref="ListInstancesInput.Marker"/> is where reading starts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instances.</returns>
    public virtual Task<IReadOnlyList<Instance>> ListInstancesAsync(ListInstancesInput request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(request.Marker, async marker =>
        {
            var page = await Protocol.SendAsync<ListInstancesInput, ListInstancesOutput>("ListInstances", request.WithMarker(marker), EmrJson.Options, cancellationToken)
                .ConfigureAwait(false);
            return (page.Instances, page.Marker);
        });
    }

    /// <summary><c>ListBootstrapActions</c>, every page.</summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bootstrap actions.</returns>
    public virtual Task<IReadOnlyList<Command>> ListBootstrapActionsAsync(string clusterId, CancellationToken cancellationToken = default) =>
        AllPagesAsync(null, async marker =>
        {
            var page = await Protocol.SendAsync<ListBootstrapActionsInput, ListBootstrapActionsOutput>("ListBootstrapActions",
                new ListBootstrapActionsInput { ClusterId = clusterId, Marker = marker }, EmrJson.Options, cancellationToken).ConfigureAwait(false);
            return (page.BootstrapActions, page.Marker);
        });

    /// <summary><c>ListSteps</c>, every page.</summary>
    /// <param name="request">The cluster id and optional filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The steps, newest first as EMR lists them.</returns>
    public virtual Task<IReadOnlyList<StepSummary>> ListStepsAsync(ListStepsInput request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AllPagesAsync(request.Marker, async marker =>
        {
            var page = await Protocol.SendAsync<ListStepsInput, ListStepsOutput>("ListSteps", request.WithMarker(marker), EmrJson.Options, cancellationToken)
                .ConfigureAwait(false);
            return (page.Steps, page.Marker);
        });
    }

    /// <summary><c>TerminateJobFlows</c>.</summary>
    /// <param name="clusterIds">The clusters to terminate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task TerminateJobFlowsAsync(IEnumerable<string> clusterIds, CancellationToken cancellationToken = default) =>
        Protocol.SendAsync<TerminateJobFlowsInput, AddTagsOutput>("TerminateJobFlows",
            new TerminateJobFlowsInput { JobFlowIds = [.. clusterIds] }, EmrJson.Options, cancellationToken);

    /// <summary><c>AddTags</c>: adds or overwrites tags of a cluster.</summary>
    /// <param name="resourceId">The cluster id.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task AddTagsAsync(string resourceId, IEnumerable<Tag> tags, CancellationToken cancellationToken = default) =>
        Protocol.SendAsync<AddTagsInput, AddTagsOutput>("AddTags",
            new AddTagsInput { ResourceId = resourceId, Tags = [.. tags] }, EmrJson.Options, cancellationToken);

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
        if (disposing)
        {
            _protocol?.Dispose();
        }
    }

    private static async Task<IReadOnlyList<T>> AllPagesAsync<T>(string? start, Func<string?, Task<(List<T>? Items, string? Marker)>> readPage)
    {
        var all = new List<T>();
        var marker = start;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var (items, next) = await readPage(marker).ConfigureAwait(false);
            all.AddRange(items ?? []);
            marker = string.IsNullOrEmpty(next) || !seen.Add(next) ? null : next;
        }
        while (marker is not null);

        return all;
    }
}
