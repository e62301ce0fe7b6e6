using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Sync.Engine.Tests.Support;

/// <summary>
/// Counts events in a log file by plain text search for <c>"Event":"&lt;name&gt;"</c> on each line, with no JSON parser:
/// the independent count the reader's model is checked against.
/// </summary>
public static class IndependentCounts
{
    private static readonly Regex EventField = new("\"Event\"\\s*:\\s*\"([^\"]*)\"", RegexOptions.Compiled);
    private static readonly Regex JobId = new("\"Event\":\"SparkListenerJob(?:Start|End)\",\"Job ID\":(\\d+)", RegexOptions.Compiled);

    /// <summary>Distinct job ids seen in job start or end lines by the last <see cref="Count"/>.</summary>
    [ThreadStatic]
    private static HashSet<long>? _jobIds;

    public static HashSet<long> JobIds => _jobIds ??= [];

    public static Dictionary<string, int> Count(IEnumerable<string> files)
    {
        JobIds.Clear();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var reader = new StreamReader(OpenDecompressed(file), Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                var match = EventField.Match(line);
                if (match.Success)
                {
                    var name = match.Groups[1].Value;
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }

                foreach (Match job in JobId.Matches(line))
                {
                    JobIds.Add(long.Parse(job.Groups[1].Value));
                }
            }
        }

        return counts;
    }

    /// <summary>Decompresses by file name (the reader detects by content; this side deliberately does not).</summary>
    public static Stream OpenDecompressed(string file)
    {
        Stream raw = File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return new GZipStream(raw, CompressionMode.Decompress);
        }

        return file.EndsWith(".zstd", StringComparison.Ordinal) || file.EndsWith(".zst", StringComparison.Ordinal)
            ? new ZstdSharp.DecompressionStream(raw)
            : raw;
    }
}
