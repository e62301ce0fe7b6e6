namespace Sync.Engine.Catalog;

/// <summary>Where a kind of catalog number comes from.</summary>
/// <param name="What">What the source provides.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Commit">The source revision, when it is a repository.</param>
/// <param name="Date">When it was published or generated.</param>
/// <param name="License">Its license.</param>
public sealed record CatalogSource(string What, string Source, string? Commit, string? Date, string? License);
