using System.Globalization;
using System.Text.RegularExpressions;

namespace Sync.Engine.Catalog;

/// <summary>
/// Builds a newer <see cref="InstanceCatalog"/> from a <see cref="PriceListSnapshot"/> and the current catalog. For each
/// region asked, EC2 on-demand prices, EMR charges and EBS prices come from the snapshot; what the price list does not
/// give is kept from the current catalog and the catalog's <see cref="InstanceCatalog.Sources"/> say so with dates:
/// Databricks DBU rates, baseline network bandwidth (price lists state only peak or qualitative figures for most
/// types), the prices of regions not asked, and the EMR charge of types the EMR price list leaves out (estimated at
/// 25 % of the EC2 price, <see cref="RegionalPrice.EmrEstimated"/>, when the current catalog has none either).
/// GPU types and names that do not follow the <c>family.size</c> pattern are left out, as in the built-in catalog.
/// </summary>
public static partial class CatalogBuilder
{
    /// <summary>The share of the EC2 price an unknown EMR charge is estimated at.</summary>
    public const double EstimatedEmrShare = 0.25;

    /// <summary>Prefix of the sources carried over from the previous catalog.</summary>
    public const string KeptPrefix = "Kept from the catalog of ";

    /// <summary>Builds the new catalog.</summary>
    /// <param name="current">The catalog in use, whose data the price list does not replace is kept.</param>
    /// <param name="snapshot">What was read from the price list.</param>
    /// <returns>The new catalog.</returns>
    /// <exception cref="InvalidDataException">A region asked has no EC2 offer that makes a catalog entry.</exception>
    public static InstanceCatalog Build(InstanceCatalog current, PriceListSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(snapshot);
        var regions = snapshot.Regions.Distinct(StringComparer.Ordinal).ToArray();
        var asked = regions.ToHashSet(StringComparer.Ordinal);
        var ec2 = snapshot.Ec2.Where(o => asked.Contains(o.Region) && o.UsdPerHour > 0 && o.Gpus == 0)
            .GroupBy(o => o.InstanceType, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.GroupBy(o => o.Region).ToDictionary(r => r.Key, r => r.MinBy(o => o.UsdPerHour)!, StringComparer.Ordinal),
                StringComparer.OrdinalIgnoreCase);
        var emr = snapshot.Emr.Where(o => asked.Contains(o.Region) && o.UsdPerHour > 0)
            .GroupBy(o => (Type: o.InstanceType.ToLowerInvariant(), o.Region))
            .ToDictionary(g => g.Key, g => g.Min(o => o.UsdPerHour));

        var instances = new List<InstanceType>();
        var emrKeptOrEstimated = regions.ToDictionary(r => r, _ => 0, StringComparer.Ordinal);
        foreach (var name in ec2.Keys.Union(current.Instances.Select(i => i.Type), StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            current.TryGet(name, out var existing);
            ec2.TryGetValue(name, out var offers);
            var withoutEmr = new List<string>();
            var prices = existing is null
                ? new SortedDictionary<string, RegionalPrice>(StringComparer.Ordinal)
                : new SortedDictionary<string, RegionalPrice>(existing.Prices.Where(p => !asked.Contains(p.Key)).ToDictionary(), StringComparer.Ordinal);
            foreach (var region in regions)
            {
                if (offers is null || !offers.TryGetValue(region, out var offer))
                {
                    continue;
                }

                RegionalPrice price;
                if (emr.TryGetValue((name.ToLowerInvariant(), region), out var charge))
                {
                    price = new RegionalPrice(offer.UsdPerHour, charge, false);
                }
                else
                {
                    withoutEmr.Add(region);
                    price = existing is not null && existing.Prices.TryGetValue(region, out var old)
                        ? new RegionalPrice(offer.UsdPerHour, old.EmrEstimated ? Math.Round(offer.UsdPerHour * EstimatedEmrShare, 6) : old.Emr, old.EmrEstimated)
                        : new RegionalPrice(offer.UsdPerHour, Math.Round(offer.UsdPerHour * EstimatedEmrShare, 6), true);
                }

                prices[region] = price;
            }

            if (prices.Count == 0)
            {
                continue; // no longer offered anywhere the catalog prices
            }

            var shape = offers is null ? null : regions.Where(offers.ContainsKey).Select(r => offers[r]).First();
            var entry = shape is null ? existing! with { Prices = prices } : Entry(name, shape, existing, prices);
            if (entry is not null)
            {
                instances.Add(entry);
                withoutEmr.ForEach(r => emrKeptOrEstimated[r]++);
            }
        }

        foreach (var region in regions)
        {
            if (!instances.Any(i => i.Prices.ContainsKey(region) && ec2.ContainsKey(i.Type)))
            {
                throw new InvalidDataException($"The price list has no EC2 on-demand Linux price for any instance type in region '{region}'; is it a region code such as us-east-1?");
            }
        }

        var ebs = new SortedDictionary<string, IReadOnlyDictionary<string, double>>(
            current.Document.EbsUsdPerGbMonth.Where(e => !asked.Contains(e.Key) || !snapshot.Ebs.Any(o => o.Region == e.Key)).ToDictionary(), StringComparer.Ordinal);
        foreach (var region in snapshot.Ebs.Where(o => asked.Contains(o.Region) && o.UsdPerGbMonth > 0).GroupBy(o => o.Region))
        {
            ebs[region.Key] = new SortedDictionary<string, double>(region.GroupBy(o => o.VolumeType).ToDictionary(g => g.Key, g => g.Min(o => o.UsdPerGbMonth)), StringComparer.Ordinal);
        }

        var document = new CatalogDocument(1, snapshot.RetrievedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sources(current, snapshot, regions, emrKeptOrEstimated), current.Document.DatabricksUsdPerDbu, ebs, instances);
        return InstanceCatalog.FromDocument(document);
    }

    private static InstanceType? Entry(string name, Ec2Offer offer, InstanceType? existing, IReadOnlyDictionary<string, RegionalPrice> prices)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var family = dot > 0 ? name[..dot] : name;
        var match = FamilyPattern().Match(family);
        var vcpu = offer.Vcpu ?? existing?.Vcpu;
        var memory = offer.MemoryMiB ?? existing?.MemoryMiB;
        if (!match.Success || vcpu is null || memory is null)
        {
            return existing is null ? null : existing with { Prices = prices };
        }

        var variant = match.Groups[3].Value;
        return new InstanceType(
            Type: existing?.Type ?? name,
            Family: family,
            Generation: int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            Architecture: offer.Architecture ?? existing?.Architecture ?? (variant.Contains('g', StringComparison.Ordinal) ? "arm64" : "x86_64"),
            Vcpu: vcpu.Value,
            MemoryMiB: memory.Value,
            NetworkMbps: existing?.NetworkMbps ?? offer.NetworkMbps,
            LocalNvme: existing?.LocalNvme ?? offer.LocalNvme ?? variant.Contains('d', StringComparison.Ordinal),
            Prices: prices,
            DatabricksDbuPerHour: existing?.DatabricksDbuPerHour);
    }

    private static List<CatalogSource> Sources(InstanceCatalog current, PriceListSnapshot snapshot, IReadOnlyList<string> regions, IReadOnlyDictionary<string, int> emrKeptOrEstimated)
    {
        var when = snapshot.RetrievedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var sources = new List<CatalogSource>();
        foreach (var region in regions)
        {
            sources.Add(new CatalogSource($"EC2 on-demand Linux prices, {region}", snapshot.Source + ", service AmazonEC2", null, when, null));
        }

        sources.Add(new CatalogSource($"vCPU, memory, processor and storage of the types priced in {string.Join(", ", regions)}",
            snapshot.Source + ", product attributes", null, when, null));
        foreach (var region in regions)
        {
            var missing = emrKeptOrEstimated[region];
            sources.Add(new CatalogSource($"EMR per-instance-hour charge, {region}",
                snapshot.Source + ", service ElasticMapReduce" + (missing == 0 ? "" :
                    $"; {missing} types without an EMR price keep the charge of the catalog of {current.Date} or are estimated at 25 % of the EC2 price (emrEstimated: true)"),
                null, when, null));
        }

        foreach (var region in regions.Where(r => snapshot.Ebs.Any(o => o.Region == r)))
        {
            sources.Add(new CatalogSource($"EBS storage prices, {region}", snapshot.Source + ", service AmazonEC2, product family Storage", null, when, null));
        }

        var fresh = sources.Select(s => s.What).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var old in current.Sources)
        {
            var what = old.What.StartsWith(KeptPrefix, StringComparison.Ordinal) ? old.What[(old.What.IndexOf(": ", StringComparison.Ordinal) + 2)..] : old.What;
            if (!fresh.Contains(what))
            {
                sources.Add(old.What.StartsWith(KeptPrefix, StringComparison.Ordinal) ? old : old with { What = $"{KeptPrefix}{current.Date}: {old.What}" });
            }
        }

        return sources;
    }

    [GeneratedRegex(@"^([a-z]+)(\d+)([a-z\-]*)$")]
    private static partial Regex FamilyPattern();
}
