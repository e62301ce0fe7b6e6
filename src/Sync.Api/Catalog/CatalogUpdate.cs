using Sync.Engine.Catalog;

namespace Sync.Api.Catalog;

/// <summary>The result of <see cref="CatalogUpdater.UpdateAsync"/>: the new catalog and what changed against the current one.</summary>
/// <param name="Catalog">The new catalog (not written anywhere yet; see <see cref="InstanceCatalog.Save"/>).</param>
/// <param name="Changes">Types added and removed and prices changed.</param>
/// <param name="Products">How many price-list products were read, by service code.</param>
public sealed record CatalogUpdate(InstanceCatalog Catalog, CatalogChanges Changes, IReadOnlyDictionary<string, int> Products);
