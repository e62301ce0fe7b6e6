namespace Sync.Engine.Catalog;

/// <summary>The <see cref="InstanceCatalog"/> to price with, and where it comes from (<see cref="CatalogResolver.Resolve"/>).</summary>
/// <param name="Catalog">The catalog.</param>
/// <param name="Origin">Where it comes from.</param>
/// <param name="Path">Its file, or <see langword="null"/> for the built-in one.</param>
/// <param name="Warning">Something the user should know about the choice (e.g. an updated catalog older than the built-in one), or <see langword="null"/>.</param>
public sealed record ResolvedCatalog(InstanceCatalog Catalog, CatalogOrigin Origin, string? Path, string? Warning)
{
    /// <summary>A one-line description, e.g. <c>updated catalog of 2026-11-26 (/home/me/.sync/catalog/aws-instances.json)</c>.</summary>
    public string Description => Origin switch
    {
        CatalogOrigin.BuiltIn => $"built-in catalog of {Catalog.Date}",
        CatalogOrigin.SyncDirectory => $"updated catalog of {Catalog.Date} ({Path})",
        _ => $"catalog of {Catalog.Date} ({Path})",
    };
}
