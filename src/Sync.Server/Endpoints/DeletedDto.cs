using System.Text.Json.Serialization;

namespace Sync.Server.Endpoints;

/// <summary>The result of a DELETE: the id of what was deleted.</summary>
/// <param name="Id">The deleted resource's id.</param>
internal sealed record DeletedDto([property: JsonPropertyName("id")] string Id)
{
    /// <summary>Always <see langword="true"/>: a failed delete answers with an error instead.</summary>
    [JsonPropertyName("deleted")]
    public bool Deleted => true;
}
