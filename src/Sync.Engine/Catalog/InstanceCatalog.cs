using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Engine.Catalog;

/// <summary>
/// EC2 instance types with their shape and prices, the EMR charge, Databricks DBU rates and EBS prices, as of
/// <see cref="Date"/>. The catalog built into the engine (<c>catalog/aws-instances.json</c>, sources listed in it) is
/// the default; <see cref="Load"/> reads a newer one from a file without a rebuild.
/// </summary>
public sealed class InstanceCatalog
{
    private readonly Dictionary<string, InstanceType> _byType;

    private InstanceCatalog(CatalogDocument document)
    {
        Document = document;
        _byType = document.Instances.ToDictionary(i => i.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The date the prices were published or collected.</summary>
    public string Date => Document.Date;

    /// <summary>Where each kind of number comes from.</summary>
    public IReadOnlyList<CatalogSource> Sources => Document.Sources;

    /// <summary>Every instance type.</summary>
    public IReadOnlyList<InstanceType> Instances => Document.Instances;

    /// <summary>USD per DBU on Databricks jobs compute.</summary>
    public double DatabricksUsdPerDbu => Document.DatabricksUsdPerDbu.GetValueOrDefault("jobsCompute");

    /// <summary>
    /// USD per DBU on Databricks jobs compute with Photon (<c>jobsComputePhoton</c>; the built-in catalog's is an
    /// estimate, its source says so), or <see langword="null"/> when the catalog has none.
    /// </summary>
    public double? DatabricksPhotonUsdPerDbu => Document.DatabricksUsdPerDbu.TryGetValue("jobsComputePhoton", out var rate) ? rate : null;

    internal CatalogDocument Document { get; }

    /// <summary>The catalog shipped with the engine.</summary>
    public static InstanceCatalog BuiltIn { get; } = LoadBuiltIn();

    /// <summary>Reads a catalog file in the format of <c>catalog/aws-instances.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not a catalog.</exception>
    public static InstanceCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Writes the catalog as JSON in the format of <c>catalog/aws-instances.json</c>.</summary>
    /// <param name="stream">Where to write.</param>
    public void Write(Stream stream) => JsonSerializer.Serialize(stream, Document, CatalogJsonContext.Default.CatalogDocument);

    /// <summary>
    /// Writes the catalog to <paramref name="path"/> atomically: into a temporary file beside it, then moved over it, so
    /// that readers see the old file or the new one, never half of one. Creates the folder when needed.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The instance type named <paramref name="type"/>, if the catalog has it.</summary>
    /// <param name="type">An API name such as <c>m5.xlarge</c>.</param>
    /// <param name="instance">The type.</param>
    public bool TryGet(string type, out InstanceType instance) => _byType.TryGetValue(type, out instance!);

    /// <summary>EBS price per GB-month of a volume type in a region, when known.</summary>
    /// <param name="region">The AWS region.</param>
    /// <param name="volumeType">The volume type (<c>gp3</c>, <c>gp2</c>).</param>
    public double? EbsUsdPerGbMonth(string region, string volumeType) =>
        Document.EbsUsdPerGbMonth.TryGetValue(region, out var types) && types.TryGetValue(volumeType, out var price) ? price : null;

    /// <summary>A catalog over <paramref name="document"/>, checked as <see cref="Load"/> checks a file.</summary>
    internal static InstanceCatalog FromDocument(CatalogDocument document) =>
        document.SchemaVersion == 1 && document.Instances.Count > 0
            ? new InstanceCatalog(document)
            : throw new InvalidDataException("A catalog needs schema version 1 and at least one instance type.");

    private static InstanceCatalog LoadBuiltIn()
    {
        using var stream = typeof(InstanceCatalog).Assembly.GetManifestResourceStream("Sync.Engine.Catalog.aws-instances.json")
                           ?? throw new InvalidOperationException("The built-in instance catalog is missing from the engine assembly.");
        return Read(stream, "the built-in catalog");
    }

    private static InstanceCatalog Read(Stream stream, string name)
    {
        var document = JsonInput.Read(stream, CatalogJsonContext.Default.CatalogDocument, name, "a valid instance catalog");
        if (document is null || document.SchemaVersion != 1 || document.Instances.Count == 0)
        {
            throw new InvalidDataException($"{name} is not a version 1 instance catalog with instances.");
        }

        return new InstanceCatalog(document);
    }
}

/// <summary>The catalog file's shape (schema version 1).</summary>
internal sealed record CatalogDocument(
    int SchemaVersion,
    string Date,
    IReadOnlyList<CatalogSource> Sources,
    IReadOnlyDictionary<string, double> DatabricksUsdPerDbu,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> EbsUsdPerGbMonth,
    IReadOnlyList<InstanceType> Instances);

/// <summary>Source-generated serializer metadata for the catalog file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
