using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sync.Engine;

/// <summary>
/// Reads the engine's JSON documents (cluster reports, catalogs, manifests, model error bands) with their
/// source-generated contracts, turning malformed JSON into an <see cref="InvalidDataException"/> that names the input
/// and what it should have been.
/// </summary>
internal static class JsonInput
{
    /// <summary>Deserializes <paramref name="json"/>; <see langword="null"/> for a JSON <c>null</c>.</summary>
    /// <exception cref="InvalidDataException">"<paramref name="source"/> is not <paramref name="what"/>: …".</exception>
    public static T? Read<T>(string json, JsonTypeInfo<T> contract, string source, string what) =>
        Guarded(() => JsonSerializer.Deserialize(json, contract), source, what);

    /// <summary>Deserializes <paramref name="stream"/>; <see langword="null"/> for a JSON <c>null</c>.</summary>
    /// <exception cref="InvalidDataException">"<paramref name="source"/> is not <paramref name="what"/>: …".</exception>
    public static T? Read<T>(Stream stream, JsonTypeInfo<T> contract, string source, string what) =>
        Guarded(() => JsonSerializer.Deserialize(stream, contract), source, what);

    private static T? Guarded<T>(Func<T?> deserialize, string source, string what)
    {
        try
        {
            return deserialize();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not {what}: {e.Message}", e);
        }
    }
}
