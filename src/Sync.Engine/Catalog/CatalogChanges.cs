namespace Sync.Engine.Catalog;

/// <summary>What differs between an old and a new <see cref="InstanceCatalog"/>: types added and removed, and prices changed.</summary>
/// <param name="OldDate">The old catalog's date.</param>
/// <param name="NewDate">The new catalog's date.</param>
/// <param name="Added">Instance types only the new catalog has.</param>
/// <param name="Removed">Instance types only the old catalog has.</param>
/// <param name="Prices">
/// Prices of types both catalogs have that differ, appeared or disappeared in a region (EC2 on-demand and EMR): changed
/// prices first, largest relative change first, then prices that appeared or disappeared.
/// </param>
/// <param name="ShapesChanged">Types both catalogs have whose vCPU, memory or architecture differ.</param>
public sealed record CatalogChanges(
    string OldDate, string NewDate, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<PriceChange> Prices,
    IReadOnlyList<string> ShapesChanged)
{
    /// <summary>Whether nothing differs.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Prices.Count == 0 && ShapesChanged.Count == 0;

    /// <summary>Compares two catalogs. Prices equal to a millionth of a dollar count as unchanged.</summary>
    /// <param name="old">The catalog before.</param>
    /// <param name="new">The catalog after.</param>
    /// <returns>The changes.</returns>
    public static CatalogChanges Between(InstanceCatalog old, InstanceCatalog @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var added = @new.Instances.Where(i => !old.TryGet(i.Type, out _)).Select(i => i.Type).Order(StringComparer.Ordinal).ToArray();
        var removed = old.Instances.Where(i => !@new.TryGet(i.Type, out _)).Select(i => i.Type).Order(StringComparer.Ordinal).ToArray();
        var prices = new List<PriceChange>();
        var shapes = new List<string>();
        foreach (var before in old.Instances)
        {
            if (!@new.TryGet(before.Type, out var after))
            {
                continue;
            }

            if (before.Vcpu != after.Vcpu || before.MemoryMiB != after.MemoryMiB || before.Architecture != after.Architecture)
            {
                shapes.Add(before.Type);
            }

            foreach (var region in before.Prices.Keys.Union(after.Prices.Keys).Order(StringComparer.Ordinal))
            {
                var was = before.Prices.GetValueOrDefault(region);
                var now = after.Prices.GetValueOrDefault(region);
                Compare(before.Type, region, "ec2", was?.Ec2OnDemand, now?.Ec2OnDemand, prices);
                Compare(before.Type, region, "emr", was?.Emr, now?.Emr, prices);
            }
        }

        return new CatalogChanges(old.Date, @new.Date, added, removed,
            prices.OrderBy(p => p.Relative is null).ThenByDescending(p => Math.Abs(p.Relative ?? 0)).ThenBy(p => p.InstanceType, StringComparer.Ordinal)
                .ThenBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.Charge, StringComparer.Ordinal).ToArray(),
            shapes);
    }

    private static void Compare(string type, string region, string charge, double? was, double? now, List<PriceChange> changes)
    {
        if (was is null && now is null || was is { } a && now is { } b && Math.Abs(a - b) < 1e-6)
        {
            return;
        }

        changes.Add(new PriceChange(type, region, charge, was, now));
    }
}
