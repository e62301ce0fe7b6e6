using System.Text.Json.Nodes;

namespace Sync.Clients.Databricks.Models;

/// <summary>What to ask <c>clusters/events</c> for: one cluster, optional time range (epoch ms), order and page size (≤ 500).</summary>
internal sealed record ClusterEventsQuery(string ClusterId, long? StartTime = null, long? EndTime = null, string Order = "ASC", int Limit = 500, IReadOnlyList<string>? EventTypes = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["cluster_id"] = ClusterId, ["order"] = Order, ["limit"] = Limit };
        if (StartTime is { } start)
        {
            json["start_time"] = start;
        }

        if (EndTime is { } end)
        {
            json["end_time"] = end;
        }

        if (EventTypes is { Count: > 0 })
        {
            json["event_types"] = new JsonArray(EventTypes.Select(t => (JsonNode)t).ToArray());
        }

        return json;
    }
}
