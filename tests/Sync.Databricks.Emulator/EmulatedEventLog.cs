using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sync.Databricks.Emulator;

/// <summary>
/// A real Databricks event log (a plain, gzip or zip file holding one log) that the emulator delivers after a run, with
/// what its properties say about the cluster it came from (node types, driver IP, Spark context id).
/// </summary>
public sealed class EmulatedEventLog
{
    private readonly string[] _lines;

    private EmulatedEventLog(string name, string[] lines)
    {
        Name = name;
        _lines = lines;
        var first = JsonNode.Parse(lines[0])!.AsObject();
        if (first["Event"]?.GetValue<string>() != "DBCEventLoggingListenerMetadata")
        {
            throw new InvalidDataException($"{name} does not start with DBCEventLoggingListenerMetadata: not a Databricks event log.");
        }

        SparkVersion = first["Spark Version"]?.GetValue<string>() ?? "3.1.2";
        SparkContextId = first["SparkContext Id"]!.GetValue<long>();
        StartTimestamp = first["Timestamp"]?.GetValue<long>() ?? 0;
        var environment = lines.FirstOrDefault(l => l.Contains("\"SparkListenerEnvironmentUpdate\"", StringComparison.Ordinal));
        var properties = environment is null ? null : JsonNode.Parse(environment)?["Spark Properties"] as JsonObject;
        string? Property(string key) => properties?[key]?.GetValue<string>();
        WorkerNodeType = Property("spark.databricks.clusterUsageTags.clusterNodeType");
        DriverNodeType = Property("spark.databricks.clusterUsageTags.driverNodeType");
        DriverIp = Property("spark.databricks.clusterUsageTags.driverInstancePrivateIp") ?? "10.0.0.10";
    }

    /// <summary>Where it was read from.</summary>
    public string Name { get; }

    /// <summary>Spark version of the metadata line.</summary>
    public string SparkVersion { get; }

    /// <summary>The <c>SparkContext Id</c> of the log (the folder name Databricks uses).</summary>
    public long SparkContextId { get; }

    /// <summary>Timestamp of the first event (epoch ms).</summary>
    public long StartTimestamp { get; }

    /// <summary>The worker node type recorded in the log, if any.</summary>
    public string? WorkerNodeType { get; }

    /// <summary>The driver node type recorded in the log, if any.</summary>
    public string? DriverNodeType { get; }

    /// <summary>The driver's private IP recorded in the log.</summary>
    public string DriverIp { get; }

    /// <summary>Reads a log file: plain JSON lines, gzip, or a zip holding one log.</summary>
    /// <param name="path">The file.</param>
    public static EmulatedEventLog Load(string path)
    {
        using var file = File.OpenRead(path);
        Stream content = file;
        ZipArchive? zip = null;
        var head = new byte[2];
        file.ReadExactly(head);
        file.Position = 0;
        if (head[0] == (byte)'P' && head[1] == (byte)'K')
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read);
            var entry = zip.Entries.Single(e => e.Length > 0);
            content = entry.Open();
        }
        else if (head[0] == 0x1f && head[1] == 0x8b)
        {
            content = new GZipStream(file, CompressionMode.Decompress);
        }

        using (zip)
        using (var reader = new StreamReader(content, Encoding.UTF8))
        {
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return new EmulatedEventLog(path, lines);
        }
    }

    /// <summary>
    /// The files Databricks writes for this log: rotated parts <c>eventlog-YYYY-MM-DD--HH-00.gz</c> (one per hour,
    /// here one per consecutive hour from the log's start) and the live <c>eventlog</c> last, each part starting with a
    /// <c>DBCEventLoggingListenerMetadata</c> line carrying its rollover number.
    /// </summary>
    /// <param name="parts">How many parts (1 = only <c>eventlog</c>).</param>
    public IReadOnlyList<(string Name, byte[] Content)> Parts(int parts)
    {
        parts = Math.Clamp(parts, 1, Math.Max(1, _lines.Length / 2));
        var body = _lines.Skip(1).ToArray();
        var size = (int)Math.Ceiling(body.Length / (double)parts);
        var start = DateTimeOffset.FromUnixTimeMilliseconds(StartTimestamp);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
        var result = new List<(string, byte[])>();
        for (var k = 0; k < parts; k++)
        {
            var chunk = body.Skip(k * size).Take(size);
            var header = k == 0
                ? _lines[0]
                : JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["Event"] = "DBCEventLoggingListenerMetadata",
                    ["Spark Version"] = SparkVersion,
                    ["Timestamp"] = StartTimestamp + (k * 3_600_000L),
                    ["Rollover Number"] = k,
                    ["SparkContext Id"] = SparkContextId,
                });
            var text = Encoding.UTF8.GetBytes(string.Join('\n', chunk.Prepend(header)) + "\n");
            if (k == parts - 1)
            {
                result.Add(("eventlog", text));
            }
            else
            {
                using var buffer = new MemoryStream();
                using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(text);
                }

                result.Add(($"eventlog-{start.AddHours(k):yyyy-MM-dd--HH}-00.gz", buffer.ToArray()));
            }
        }

        return result;
    }
}
