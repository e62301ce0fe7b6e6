namespace Sync.Engine.Catalog;

/// <summary>Hourly prices of an instance type in one region, in USD.</summary>
/// <param name="Ec2OnDemand">EC2 on-demand Linux price per hour.</param>
/// <param name="Emr">EMR charge per instance hour, on top of EC2.</param>
/// <param name="EmrEstimated">Whether <paramref name="Emr"/> is an estimate rather than a published price.</param>
public sealed record RegionalPrice(double Ec2OnDemand, double Emr, bool EmrEstimated);
