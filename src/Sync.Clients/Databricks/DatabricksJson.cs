using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Databricks;

/// <summary>Serializer settings of the Databricks REST API: snake_case members, nulls left out.</summary>
internal static class DatabricksJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
