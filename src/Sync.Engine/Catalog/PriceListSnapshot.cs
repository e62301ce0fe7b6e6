namespace Sync.Engine.Catalog;

/// <summary>
/// What was read from a price list for a <see cref="CatalogBuilder"/>: the EC2, EMR and EBS offers of the regions asked, and
/// where and when they were read.
/// </summary>
/// <param name="Regions">The regions asked; each must have EC2 offers.</param>
/// <param name="Ec2">EC2 on-demand Linux offers.</param>
/// <param name="Emr">EMR charges.</param>
/// <param name="Ebs">EBS storage prices.</param>
/// <param name="Source">Where the offers come from, e.g. <c>AWS Price List Query API (pricing:GetProducts)</c>.</param>
/// <param name="RetrievedAt">When they were read.</param>
public sealed record PriceListSnapshot(
    IReadOnlyList<string> Regions, IReadOnlyList<Ec2Offer> Ec2, IReadOnlyList<EmrOffer> Emr, IReadOnlyList<EbsOffer> Ebs, string Source, DateTimeOffset RetrievedAt);
