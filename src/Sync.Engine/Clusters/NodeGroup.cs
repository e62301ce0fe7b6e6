namespace Sync.Engine.Clusters;

/// <summary>Nodes of one role and instance type.</summary>
/// <param name="Role"><c>master</c>, <c>core</c> or <c>task</c> on EMR; <c>driver</c> or <c>worker</c> on Databricks.</param>
/// <param name="InstanceType">The EC2 instance type.</param>
/// <param name="Count">How many nodes.</param>
/// <param name="Market"><c>on-demand</c> or <c>spot</c>.</param>
/// <param name="SpotPriceUsdPerHour">The price paid per node hour on spot, when known.</param>
/// <param name="Ebs">EBS volumes attached to each node.</param>
public sealed record NodeGroup(string Role, string InstanceType, int Count, string Market = "on-demand", double? SpotPriceUsdPerHour = null, IReadOnlyList<EbsVolume>? Ebs = null);
