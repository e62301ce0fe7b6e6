namespace Sync.Engine.Catalog;

/// <summary>Where the <see cref="InstanceCatalog"/> a command uses comes from (<see cref="CatalogResolver"/>).</summary>
public enum CatalogOrigin
{
    /// <summary>The catalog built into the engine.</summary>
    BuiltIn,

    /// <summary>The catalog <c>sync-cli catalog update</c> wrote to the user's Sync directory.</summary>
    SyncDirectory,

    /// <summary>A file named explicitly (<c>--catalog</c>).</summary>
    File,
}
