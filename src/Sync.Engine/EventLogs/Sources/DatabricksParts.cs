using System.Text.Json;
using Sync.Engine.EventLogs.Compression;

namespace Sync.Engine.EventLogs.Sources;

/// <summary>
/// Orders the parts of a Databricks cluster-log folder by the <c>Rollover Number</c> of the
/// <c>DBCEventLoggingListenerMetadata</c> event that starts each part, and checks that they belong together
/// (one <c>SparkContext Id</c>, no duplicate part); missing parts become warnings.
/// </summary>
internal static class DatabricksParts
{
    private const int MaxFirstLineBytes = 64 * 1024;

    private readonly record struct Metadata(long RolloverNumber, long SparkContextId);

    /// <param name="files">The rotated parts in file-name (time) order, the live <c>eventlog</c> last.</param>
    public static (EventLogSourcePart[] Parts, List<string> Warnings) Order(List<string> files)
    {
        var warnings = new List<string>();
        var withMetadata = files.Select(f => (File: f, Meta: ReadMetadata(f))).ToList();
        var missing = withMetadata.Where(p => p.Meta is null).Select(p => Path.GetFileName(p.File)).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"Part(s) {string.Join(", ", missing)} do not start with DBCEventLoggingListenerMetadata; parts are read in file-name order.");
            return (files.Select(LocalFile.Part).ToArray(), warnings);
        }

        var contexts = withMetadata.Select(p => p.Meta!.Value.SparkContextId).Distinct().ToList();
        if (contexts.Count > 1)
        {
            var detail = string.Join("; ", withMetadata.GroupBy(p => p.Meta!.Value.SparkContextId)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => Path.GetFileName(p.File)))}"));
            throw new EventLogFormatException(
                $"The Databricks log folder mixes parts of {contexts.Count} Spark contexts ({detail}); move each context's parts into its own folder.");
        }

        var duplicate = withMetadata.GroupBy(p => p.Meta!.Value.RolloverNumber).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EventLogFormatException(
                $"The Databricks log folder has more than one part with rollover number {duplicate.Key}: {string.Join(", ", duplicate.Select(p => Path.GetFileName(p.File)))}.");
        }

        var ordered = withMetadata.OrderBy(p => p.Meta!.Value.RolloverNumber).ToList();
        var numbers = ordered.Select(p => p.Meta!.Value.RolloverNumber).ToList();
        if (numbers[0] != 0)
        {
            warnings.Add($"The Databricks log folder starts at rollover part {numbers[0]}: the first part(s) are missing, so the application start may be missing too.");
        }

        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] != numbers[i - 1] + 1)
            {
                warnings.Add($"The Databricks log folder is missing rollover part(s) {numbers[i - 1] + 1}..{numbers[i] - 1}: their events are not in this analysis.");
            }
        }

        return (ordered.Select(p => LocalFile.Part(p.File)).ToArray(), warnings);
    }

    private static Metadata? ReadMetadata(string file)
    {
        try
        {
            using var decoded = EventLogDecompression.Open(File.OpenRead(file));
            var buffer = new byte[MaxFirstLineBytes];
            var length = decoded.Content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var line = buffer.AsSpan(0, length);
            var newline = line.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = line[..newline];
            }

            using var json = JsonDocument.Parse(line.ToArray());
            var root = json.RootElement;
            if (root.TryGetProperty("Event", out var name) && name.ValueEquals("DBCEventLoggingListenerMetadata")
                && root.TryGetProperty("Rollover Number", out var rollover) && root.TryGetProperty("SparkContext Id", out var context))
            {
                return new Metadata(rollover.GetInt64(), context.GetInt64());
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or EventLogFormatException or InvalidOperationException or FormatException)
        {
            // Not a metadata line; the caller falls back to file-name order and says so.
        }

        return null;
    }
}
