namespace Sync.Engine.Catalog;

/// <summary>One price that differs between two catalogs (<see cref="CatalogChanges"/>).</summary>
/// <param name="InstanceType">The instance type.</param>
/// <param name="Region">The region.</param>
/// <param name="Charge"><c>ec2</c> (on-demand price) or <c>emr</c> (EMR charge).</param>
/// <param name="OldUsdPerHour">The old price, or <see langword="null"/> when the type had none in the region.</param>
/// <param name="NewUsdPerHour">The new price, or <see langword="null"/> when the type has none in the region any more.</param>
public sealed record PriceChange(string InstanceType, string Region, string Charge, double? OldUsdPerHour, double? NewUsdPerHour)
{
    /// <summary>The relative change (0.05 = 5 % dearer), or <see langword="null"/> when one side has no price.</summary>
    public double? Relative => OldUsdPerHour is > 0 && NewUsdPerHour is { } now ? (now - OldUsdPerHour.Value) / OldUsdPerHour.Value : null;
}
