using System.Text.Json.Nodes;

namespace Sync.Clients.Databricks.Models;

/// <summary>One page of <c>clusters/events</c>; <see cref="NextPage"/> is the request for the next page, absent on the last.</summary>
internal sealed record ClusterEventsPage
{
    public List<ClusterEvent> Events { get; init; } = [];
    public JsonObject? NextPage { get; init; }
    public long? TotalCount { get; init; }
}
