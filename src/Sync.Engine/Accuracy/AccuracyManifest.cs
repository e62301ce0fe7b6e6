using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Engine.Accuracy;

/// <summary>
/// A ground-truth manifest: sets of runs of the same application (same code, same input) under different cluster
/// configurations, each run an event log. Paths are relative to <see cref="BaseDirectory"/>, itself relative to the
/// manifest file. Documented in <c>docs/accuracy.md</c>.
/// </summary>
/// <param name="BaseDirectory">Where run paths start, relative to the manifest file (default: its folder).</param>
/// <param name="Sets">The sets of comparable runs.</param>
public sealed record AccuracyManifest(string? BaseDirectory, IReadOnlyList<AccuracySet> Sets)
{
    /// <summary>Reads a manifest file.</summary>
    /// <param name="path">The manifest's path.</param>
    /// <exception cref="InvalidDataException">The file is not a valid manifest.</exception>
    public static AccuracyManifest Load(string path)
    {
        return JsonInput.Read(File.ReadAllText(path), AccuracyManifestJsonContext.Default.AccuracyManifest, $"'{path}'", "a valid accuracy manifest")
               ?? throw new InvalidDataException($"'{path}' is empty.");
    }

    /// <summary>The absolute path of a run listed in the manifest at <paramref name="manifestPath"/>.</summary>
    /// <param name="manifestPath">The manifest file's path.</param>
    /// <param name="run">A run path from <see cref="AccuracySet.Runs"/>.</param>
    public string Resolve(string manifestPath, string run) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, BaseDirectory ?? ".", run));
}

/// <summary>Runs of one application on one input under different configurations.</summary>
/// <param name="Name">A name for reports.</param>
/// <param name="Runs">Event-log paths.</param>
public sealed record AccuracySet(string Name, IReadOnlyList<string> Runs);

/// <summary>Source-generated serializer metadata for <see cref="AccuracyManifest"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(AccuracyManifest))]
internal sealed partial class AccuracyManifestJsonContext : JsonSerializerContext;
