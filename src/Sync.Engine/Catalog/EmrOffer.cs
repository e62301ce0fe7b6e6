namespace Sync.Engine.Catalog;

/// <summary>The EMR charge per instance hour of one instance type in one region, from a price list. Input of <see cref="CatalogBuilder"/>.</summary>
/// <param name="Region">The region code.</param>
/// <param name="InstanceType">The API name, e.g. <c>m5.xlarge</c>.</param>
/// <param name="UsdPerHour">The EMR charge per instance hour, on top of EC2.</param>
public sealed record EmrOffer(string Region, string InstanceType, double UsdPerHour);
