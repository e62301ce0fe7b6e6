using System.IO.Compression;
using System.Text;

namespace Sync.Engine.Tests.Support;

/// <summary>
/// The real Apache Spark test log shipped in <c>data/compressed</c> (Spark Pi on YARN, 100 tasks), as lines, for
/// building layouts (rolling, rotated, in progress) out of real events.
/// </summary>
public static class SampleLog
{
    public const string Name = "application_1536831636016_59384_1";
    public const int TaskCount = 100;
    public const string AppId = "application_1536831636016_59384";

    public static string PlainPath => TestPaths.TestData(Path.Combine("compressed", Name));

    public static string[] Lines { get; } = File.ReadAllLines(PlainPath);

    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    public static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    public static byte[] Zstd(string text)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(Encoding.UTF8.GetBytes(text)).ToArray();
    }

    /// <summary>The Databricks metadata line that starts each rotated part.</summary>
    public static string DatabricksMetadata(int rollover, long context = 5990884153077848559) =>
        $"{{\"Event\":\"DBCEventLoggingListenerMetadata\",\"Spark Version\":\"3.1.2\",\"Timestamp\":1642532400133,\"Rollover Number\":{rollover},\"SparkContext Id\":{context}}}";
}
