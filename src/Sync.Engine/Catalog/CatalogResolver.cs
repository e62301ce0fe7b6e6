namespace Sync.Engine.Catalog;

/// <summary>
/// Picks the <see cref="InstanceCatalog"/> every pricing command uses, in one place: a file named explicitly, else the
/// catalog <c>sync-cli catalog update</c> wrote to the user's Sync directory (<c>$SYNC_HOME</c>, else <c>~/.sync</c>,
/// file <c>catalog/aws-instances.json</c>), else the built-in one.
/// </summary>
public static class CatalogResolver
{
    /// <summary>Where <c>catalog update</c> writes the catalog: <c>&lt;Sync directory&gt;/catalog/aws-instances.json</c>.</summary>
    /// <returns>The full path (the file may not exist).</returns>
    public static string UserCatalogPath()
    {
        return Path.GetFullPath(Path.Combine(SyncDirectory.Resolve(), "catalog", "aws-instances.json"));
    }

    /// <summary>The catalog to use.</summary>
    /// <param name="explicitPath">A catalog file the user named, or <see langword="null"/>.</param>
    /// <returns>The catalog and where it comes from.</returns>
    /// <exception cref="FileNotFoundException">The named file does not exist.</exception>
    /// <exception cref="InvalidDataException">The named or updated file is not a catalog (the message says how to recover).</exception>
    public static ResolvedCatalog Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return new ResolvedCatalog(InstanceCatalog.Load(explicitPath), CatalogOrigin.File, Path.GetFullPath(explicitPath), null);
        }

        var user = UserCatalogPath();
        if (!File.Exists(user))
        {
            return new ResolvedCatalog(InstanceCatalog.BuiltIn, CatalogOrigin.BuiltIn, null, null);
        }

        InstanceCatalog catalog;
        try
        {
            catalog = InstanceCatalog.Load(user);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message} Run 'sync-cli catalog update' again, or delete {user} to use the built-in catalog.", e);
        }

        var builtIn = InstanceCatalog.BuiltIn;
        var warning = string.CompareOrdinal(catalog.Date, builtIn.Date) < 0
            ? $"The updated catalog ({catalog.Date}) is older than the built-in one ({builtIn.Date}); run 'sync-cli catalog update' or delete {user}."
            : null;
        return new ResolvedCatalog(catalog, CatalogOrigin.SyncDirectory, user, warning);
    }
}
