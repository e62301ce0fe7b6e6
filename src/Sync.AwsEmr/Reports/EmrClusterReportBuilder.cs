using Sync.Api;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.Emr.Model;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using EmrVolume = Sync.Clients.Aws.Emr.Model.VolumeSpecification;

namespace Sync.AwsEmr.Reports;

/// <summary>
/// Builds the engine's <see cref="ClusterReport"/> (docs/cluster-report.md) from what EMR says about a cluster
/// (<see cref="EmrClusterSnapshot"/>): release label → runtime version; instance groups, or instance fleets with the
/// instances they really got, → node groups with role, market and EBS volumes; the <c>spark-defaults</c>
/// classification → Spark configuration; the cluster's and instances' timelines → timeline. The result goes through
/// <see cref="ClusterReport.Parse"/>, so it obeys the report's own validation. Instance types are checked against the
/// <see cref="InstanceCatalog"/> (vCPU and memory come from there when the engine predicts). Node groups come in
/// the order master, core, task.
/// </summary>
public sealed class EmrClusterReportBuilder
{
    private readonly InstanceCatalog _catalog;
    private readonly TimeProvider _time;

    /// <summary>Creates a builder.</summary>
    /// <param name="catalog">The instance catalog; the built-in one when <see langword="null"/>.</param>
    /// <param name="time">The clock (for clusters that have not ended yet); the system clock when <see langword="null"/>.</param>
    public EmrClusterReportBuilder(InstanceCatalog? catalog = null, TimeProvider? time = null)
    {
        _catalog = catalog ?? InstanceCatalog.BuiltIn;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Reads everything the report needs about a cluster (instance groups or fleets as the cluster uses).</summary>
    /// <param name="emr">The EMR client.</param>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What EMR says about the cluster.</returns>
    public static async Task<EmrClusterSnapshot> ReadAsync(EmrServiceClient emr, string clusterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emr);
        var cluster = await emr.DescribeClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var fleets = cluster.InstanceCollectionType == InstanceCollectionType.InstanceFleet;
        IReadOnlyList<InstanceGroup> groups = fleets ? [] : await emr.ListInstanceGroupsAsync(clusterId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<InstanceFleet> fleetList = fleets || groups.Count == 0
            ? await emr.ListInstanceFleetsAsync(clusterId, cancellationToken).ConfigureAwait(false)
            : [];
        var instances = await emr.ListInstancesAsync(new ListInstancesInput { ClusterId = clusterId }, cancellationToken).ConfigureAwait(false);
        var actions = await emr.ListBootstrapActionsAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var steps = await emr.ListStepsAsync(new ListStepsInput { ClusterId = clusterId }, cancellationToken).ConfigureAwait(false);
        return new EmrClusterSnapshot(cluster, groups, fleetList, instances, actions, steps);
    }

    /// <summary>Builds the report.</summary>
    /// <param name="snapshot">What EMR says about the cluster.</param>
    /// <param name="region">The cluster's region.</param>
    /// <returns>The report and its warnings.</returns>
    /// <exception cref="InvalidDataException">EMR's description does not make a valid report (no nodes, no creation time); the message says why.</exception>
    public EmrClusterReport Build(EmrClusterSnapshot snapshot, string region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var warnings = new List<SyncWarning>();
        var cluster = snapshot.Cluster;
        var name = $"cluster {cluster.Id}";

        var nodes = (snapshot.InstanceGroups.Count > 0
                ? snapshot.InstanceGroups.Select(FromGroup)
                : snapshot.InstanceFleets.SelectMany(f => FromFleet(f, snapshot.Instances, warnings)))
            .OrderBy(n => RoleRank(n.Role))
            .ToList();
        if (nodes.Count == 0)
        {
            throw new InvalidDataException($"{name} has neither instance groups nor instance fleets.");
        }

        foreach (var type in nodes.Select(n => n.InstanceType).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!_catalog.TryGet(type, out _))
            {
                warnings.Add(new SyncWarning("instance-type-unknown",
                    $"Instance type {type} is not in the instance catalog ({_catalog.Date}); predictions cannot use its vCPUs, memory or price."));
            }
        }

        var timeline = Timeline(snapshot, name, warnings);
        foreach (var step in snapshot.Steps.Where(s => s.Status?.State == StepState.Failed))
        {
            var reason = step.Status?.FailureDetails?.Reason ?? step.Status?.FailureDetails?.Message ?? step.Status?.StateChangeReason?.Message ?? "no reason given";
            warnings.Add(new SyncWarning("step-failed", $"Step {step.Name} ({step.Id}) failed: {reason}"));
        }

        if (cluster.Status?.State == ClusterState.TerminatedWithErrors)
        {
            warnings.Add(new SyncWarning("cluster-failed",
                $"The cluster terminated with errors: {cluster.Status.StateChangeReason?.Code} {cluster.Status.StateChangeReason?.Message}".TrimEnd()));
        }

        var report = new ClusterReport(ClusterReport.CurrentSchemaVersion, "aws-emr", region, nodes, cluster.ReleaseLabel, false, SparkConf(cluster), timeline);
        return new EmrClusterReport(ClusterReport.Parse(report.ToJson(), name), warnings);
    }

    private static NodeGroup FromGroup(InstanceGroup group) =>
        new(Role(group.InstanceGroupType),
            group.InstanceType ?? string.Empty,
            group.RequestedInstanceCount ?? group.RunningInstanceCount ?? 0,
            Market(group.Market),
            null,
            Volumes(group.EbsBlockDevices));

    /// <summary>
    /// A fleet's node groups: the instances it really got, by type and market; when EMR lists none (the fleet never
    /// came up), its provisioned (else target) capacity in its first instance type, with a warning.
    /// </summary>
    private static IEnumerable<NodeGroup> FromFleet(InstanceFleet fleet, IReadOnlyList<Instance> instances, List<SyncWarning> warnings)
    {
        var specifications = fleet.InstanceTypeSpecifications ?? [];
        var mine = instances.Where(i => !string.IsNullOrEmpty(fleet.Id) && i.InstanceFleetId == fleet.Id && i.InstanceType is not null).ToList();
        if (mine.Count > 0)
        {
            foreach (var kind in mine.GroupBy(i => (Type: i.InstanceType!, Market: Market(i.Market))).OrderBy(k => k.Key.Type, StringComparer.Ordinal))
            {
                var specification = specifications.FirstOrDefault(s => s.InstanceType == kind.Key.Type);
                yield return new NodeGroup(Role(fleet.InstanceFleetType), kind.Key.Type, kind.Count(), kind.Key.Market, null, Volumes(specification?.EbsBlockDevices));
            }

            yield break;
        }

        var first = specifications.FirstOrDefault(s => !string.IsNullOrEmpty(s.InstanceType));
        if (first is null)
        {
            yield break;
        }

        if (specifications.Count > 1)
        {
            warnings.Add(new SyncWarning("fleet-type-assumed",
                $"Fleet {fleet.Name ?? fleet.Id} offers {specifications.Count} instance types and EMR lists no instances for it; the report assumes {first.InstanceType}."));
        }

        var weight = Math.Max(1, first.WeightedCapacity ?? 1);
        var onDemand = fleet.ProvisionedOnDemandCapacity ?? fleet.TargetOnDemandCapacity ?? 0;
        var spot = fleet.ProvisionedSpotCapacity ?? fleet.TargetSpotCapacity ?? 0;
        if (onDemand > 0 || spot == 0)
        {
            yield return new NodeGroup(Role(fleet.InstanceFleetType), first.InstanceType!, Units(onDemand, weight), "on-demand", null, Volumes(first.EbsBlockDevices));
        }

        if (spot > 0)
        {
            yield return new NodeGroup(Role(fleet.InstanceFleetType), first.InstanceType!, Units(spot, weight), "spot", null, Volumes(first.EbsBlockDevices));
        }
    }

    private ClusterTimeline Timeline(EmrClusterSnapshot snapshot, string name, List<SyncWarning> warnings)
    {
        var cluster = snapshot.Cluster.Status?.Timeline;
        var instances = snapshot.Instances.Select(i => i.Status?.Timeline).OfType<EmrTimeline>().ToList();
        var requested = cluster?.CreationDateTime ?? instances.Select(t => t.CreationDateTime).Min()
                        ?? throw new InvalidDataException($"{name} has no creation time.");
        var ready = cluster?.ReadyDateTime ?? instances.Select(t => t.ReadyDateTime).Max();
        var terminated = cluster?.EndDateTime;
        if (terminated is null)
        {
            terminated = _time.GetUtcNow();
            warnings.Add(new SyncWarning("cluster-not-terminated",
                $"The cluster has not terminated yet (state {snapshot.Cluster.Status?.State ?? "unknown"}); the report's termination time is now, {terminated:u}."));
        }

        return new ClusterTimeline(requested, ready, null, terminated.Value < requested ? requested : terminated.Value);
    }

    private static Dictionary<string, string>? SparkConf(Cluster cluster)
    {
        var defaults = (cluster.Configurations ?? []).Where(c => c.Classification == "spark-defaults").ToList();
        if (defaults.Count == 0)
        {
            return null;
        }

        var conf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in defaults.SelectMany(c => c.Properties ?? []))
        {
            conf[key] = value;
        }

        return conf;
    }

    private static List<EbsVolume>? Volumes(IReadOnlyList<EbsBlockDevice>? devices)
    {
        var volumes = (devices ?? [])
            .Select(d => d.VolumeSpecification)
            .OfType<EmrVolume>()
            .GroupBy(v => (v.VolumeType, v.SizeInGB))
            .Select(g => new EbsVolume(g.Key.VolumeType, g.Key.SizeInGB, g.Count()))
            .ToList();
        return volumes.Count == 0 ? null : volumes;
    }

    private static int Units(int capacity, int weight) => (capacity + weight - 1) / weight;

    /// <summary>Master, core, task: the order node groups appear in, whatever order EMR lists them in.</summary>
    private static int RoleRank(string role) => role switch { "master" => 0, "core" => 1, "task" => 2, _ => 3 };

    private static string Role(string? emrRole) => (emrRole ?? NodeRole.Core).ToLowerInvariant();

    private static string Market(string? emrMarket) => emrMarket == MarketType.Spot ? "spot" : "on-demand";
}
