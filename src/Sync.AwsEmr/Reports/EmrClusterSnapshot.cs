using Sync.Clients.Aws.Emr.Model;

namespace Sync.AwsEmr.Reports;

/// <summary>
/// Everything EMR says about one cluster, as read by <see cref="EmrClusterReportBuilder.ReadAsync"/>: DescribeCluster,
/// ListInstanceGroups or ListInstanceFleets, ListInstances, ListBootstrapActions and ListSteps.
/// </summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="InstanceGroups">Its instance groups (empty for a fleet cluster).</param>
/// <param name="InstanceFleets">Its instance fleets (empty for a group cluster).</param>
/// <param name="Instances">Every instance it had, terminated ones included.</param>
/// <param name="BootstrapActions">Its bootstrap actions.</param>
/// <param name="Steps">Its steps.</param>
public sealed record EmrClusterSnapshot(
    Cluster Cluster,
    IReadOnlyList<InstanceGroup> InstanceGroups,
    IReadOnlyList<InstanceFleet> InstanceFleets,
    IReadOnlyList<Instance> Instances,
    IReadOnlyList<Command> BootstrapActions,
    IReadOnlyList<StepSummary> Steps);
