namespace Sync.Engine.Catalog;

/// <summary>The price of an EBS volume type in one region, from a price list. Input of <see cref="CatalogBuilder"/>.</summary>
/// <param name="Region">The region code.</param>
/// <param name="VolumeType">The volume type's API name, e.g. <c>gp3</c>.</param>
/// <param name="UsdPerGbMonth">USD per GB-month of provisioned storage.</param>
public sealed record EbsOffer(string Region, string VolumeType, double UsdPerGbMonth);
