using System.Text.Json;

namespace Sync.Api.Backends;

/// <summary>Reads a cluster report given as text or as a file into the JSON the wire carries.</summary>
internal static class ReportJson
{
    public static JsonElement Parse(string? json, string what)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw Calls.Invalid($"{what} is empty.", "Give the run's cluster report (docs/cluster-report.md).");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Calls.Invalid($"{what} is not JSON: {e.Message}", "Give the run's cluster report (docs/cluster-report.md).");
        }
    }

    public static async Task<JsonElement> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Calls.Invalid($"Cannot read the cluster report '{path}': {e.Message}", "Check the path of the cluster report.");
        }

        return Parse(text, $"The cluster report '{path}'");
    }
}
