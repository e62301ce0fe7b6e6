using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Engine.Summaries;

/// <summary>The stable JSON form of an <see cref="ApplicationSummary"/>: camelCase names, indented, nulls kept.</summary>
public static class ApplicationSummaryJson
{
    /// <summary>Writes <paramref name="summary"/> as JSON.</summary>
    /// <param name="summary">The summary.</param>
    public static string Serialize(ApplicationSummary summary) => JsonSerializer.Serialize(summary, ApplicationSummaryJsonContext.Default.ApplicationSummary);

    /// <summary>Reads a summary written by <see cref="Serialize"/>.</summary>
    /// <param name="json">The JSON text.</param>
    public static ApplicationSummary? Deserialize(string json) => JsonSerializer.Deserialize(json, ApplicationSummaryJsonContext.Default.ApplicationSummary);
}

/// <summary>Source-generated serializer metadata for <see cref="ApplicationSummary"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ApplicationSummary))]
internal sealed partial class ApplicationSummaryJsonContext : JsonSerializerContext;
