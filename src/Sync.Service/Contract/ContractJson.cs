using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>
/// The JSON settings of the wire contract: snake_case names (also fixed on every DTO by attribute), nulls left out when
/// writing, unknown members ignored when reading (so old clients ignore our additions, and we ignore theirs).
/// </summary>
public static class ContractJson
{
    /// <summary>The serializer options the server and the HTTP backend both use.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
