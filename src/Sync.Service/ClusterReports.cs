using System.Text.Json;
using Sync.Engine.Clusters;

namespace Sync.Service;

/// <summary>Checks a cluster report given on the wire and returns its text.</summary>
internal static class ClusterReports
{
    public static (string Json, ClusterReport Report) Validate(JsonElement? element, string member)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            throw SyncServiceException.Invalid($"{member} must be a cluster report object.", "See docs/cluster-report.md.");
        }

        var json = value.GetRawText();
        try
        {
            return (json, ClusterReport.Parse(json, member));
        }
        catch (InvalidDataException e)
        {
            throw new SyncServiceException(ServiceErrorKind.InvalidInput, "invalid_cluster_report", e.Message, "See docs/cluster-report.md.");
        }
    }

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
