using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Pricing;

/// <summary>How the Price List shapes are written and read: member names exactly as in the API, no nulls.</summary>
internal static class PricingJson
{
    /// <summary>The serializer options of the shapes in <see cref="Model"/>.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
