namespace Sync.Engine.Costs;

/// <summary>What a run cost, in USD, with the part each charge contributes (<see cref="CostModel"/>).</summary>
/// <param name="TotalUsd">Everything.</param>
/// <param name="Ec2Usd">EC2 instance time (on-demand price, or the spot price paid when the report has it).</param>
/// <param name="PlatformUsd">The EMR charge or the Databricks DBU charge.</param>
/// <param name="EbsUsd">EBS volumes for the billed time.</param>
/// <param name="BilledHours">Billed time of each node, from request to termination.</param>
/// <param name="Notes">Assumptions that went into the figure (estimated prices, unknown instance types).</param>
public sealed record RunCost(double TotalUsd, double Ec2Usd, double PlatformUsd, double EbsUsd, double BilledHours, IReadOnlyList<string> Notes);
