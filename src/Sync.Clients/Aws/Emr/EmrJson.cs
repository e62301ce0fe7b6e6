using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr;

/// <summary>How the EMR shapes are written and read: member names exactly as in the API model, no nulls, epoch-second timestamps.</summary>
public static class EmrJson
{
    /// <summary>The serializer options of the EMR shapes in <see cref="Model"/> (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new EpochSecondsConverter() },
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
