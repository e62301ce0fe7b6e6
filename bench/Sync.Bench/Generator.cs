using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace Sync.Bench;

/// <summary>
/// Builds a large event log from the real events of a real log: its header events, then its real task start/end
/// lines repeated (only <c>"Task ID":n</c> rewritten, so ids stay unique) until the file reaches the requested size,
/// then its real stage/job completions and application end. Writes a zstd copy next to it.
/// </summary>
internal static class Generator
{
    public const string DefaultSource = "../shared/data/eventlogs/synccomputingcode-spark_log_parser/tests/logs/emr.zip";

    private static readonly string[] HeaderEvents =
    [
        "SparkListenerLogStart", "SparkListenerApplicationStart", "SparkListenerEnvironmentUpdate", "SparkListenerExecutorAdded",
        "SparkListenerBlockManagerAdded", "SparkListenerJobStart", "SparkListenerStageSubmitted",
    ];

    private static readonly string[] TaskEvents = ["SparkListenerTaskStart", "SparkListenerTaskEnd"];
    private static readonly string[] TailEvents = ["SparkListenerStageCompleted", "SparkListenerJobEnd", "SparkListenerApplicationEnd"];
    private static readonly byte[] TaskIdKey = "\"Task ID\":"u8.ToArray();

    public static int Run(string[] args)
    {
        var sizeGb = double.Parse(Paths.Option(args, "--size-gb") ?? "1.0", CultureInfo.InvariantCulture);
        var outDir = Paths.FromRoot(Paths.Option(args, "--out") ?? "bench/out");
        var source = Paths.FromRoot(Paths.Option(args, "--source") ?? DefaultSource);
        var target = (long)(sizeGb * (1L << 30));
        Directory.CreateDirectory(outDir);

        var sw = Stopwatch.StartNew();
        var (sourceName, log) = LoadSource(source);
        var lines = SplitLines(log);
        var header = lines.Where(l => IsEvent(log, l, HeaderEvents)).ToList();
        var tasks = lines.Where(l => IsEvent(log, l, TaskEvents)).ToList();
        var tail = lines.Where(l => IsEvent(log, l, TailEvents)).ToList();
        if (tasks.Count == 0 || !header.Any(l => IsEvent(log, l, ["SparkListenerApplicationStart"])))
        {
            Console.Error.WriteLine($"{sourceName}: no task lines or no application start; not a usable source log");
            return 1;
        }

        long maxTaskId = 0;
        foreach (var line in tasks)
        {
            maxTaskId = Math.Max(maxTaskId, MaxTaskId(log.AsSpan(line.Start, line.Length)));
        }

        var stride = maxTaskId + 1;
        long headerBytes = header.Sum(l => (long)l.Length + 1), tailBytes = tail.Sum(l => (long)l.Length + 1);
        var plain = Path.Combine(outDir, Paths.PlainName);
        long written = 0, taskLines = 0;
        var repeats = 0;
        using (var output = new FileStream(plain, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            foreach (var line in header)
            {
                written += WriteLine(output, log.AsSpan(line.Start, line.Length));
            }

            while (written + tailBytes < target || repeats == 0)
            {
                var offset = repeats * stride;
                foreach (var line in tasks)
                {
                    written += WriteRewritten(output, log.AsSpan(line.Start, line.Length), offset);
                }

                taskLines += tasks.Count;
                repeats++;
            }

            foreach (var line in tail)
            {
                written += WriteLine(output, log.AsSpan(line.Start, line.Length));
            }
        }

        Console.WriteLine(
            $"source {sourceName}: {log.Length} bytes, {lines.Count} lines; header {header.Count} lines ({headerBytes} B), " +
            $"task lines {tasks.Count} ({tasks.Sum(l => (long)l.Length + 1)} B), tail {tail.Count} lines ({tailBytes} B)");
        Console.WriteLine($"wrote {plain}: {written} bytes ({written / (double)(1L << 30):F3} GiB), task lines repeated {repeats}x = {taskLines} lines, in {sw.Elapsed.TotalSeconds:F1} s");

        var zstdPath = Path.Combine(outDir, Paths.ZstdName);
        sw.Restart();
        var how = CompressZstd(plain, zstdPath);
        Console.WriteLine($"wrote {zstdPath}: {new FileInfo(zstdPath).Length} bytes ({how}) in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static (string Name, byte[] Bytes) LoadSource(string source)
    {
        if (!source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return (Path.GetFileName(source), File.ReadAllBytes(source));
        }

        using var zip = ZipFile.OpenRead(source);
        var entry = zip.Entries.Where(e => e.Length > 0 && !e.FullName.EndsWith('/')).MaxBy(e => e.Length)
            ?? throw new InvalidDataException($"{source}: empty archive");
        using var stream = entry.Open();
        var bytes = new byte[entry.Length];
        stream.ReadExactly(bytes);
        return ($"{Path.GetFileName(source)}!{entry.FullName}", bytes);
    }

    private static List<(int Start, int Length)> SplitLines(byte[] log)
    {
        var lines = new List<(int, int)>();
        var span = log.AsSpan();
        var start = 0;
        while (start < span.Length)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? span.Length : start + newline;
            var length = end - start;
            if (length > 0 && span[end - 1] == (byte)'\r')
            {
                length--;
            }

            if (length > 0)
            {
                lines.Add((start, length));
            }

            start = end + 1;
        }

        return lines;
    }

    private static bool IsEvent(byte[] log, (int Start, int Length) line, string[] names)
    {
        var span = log.AsSpan(line.Start, line.Length);
        ReadOnlySpan<byte> prefix = "{\"Event\":\""u8;
        if (!span.StartsWith(prefix))
        {
            return false;
        }

        span = span[prefix.Length..];
        foreach (var name in names)
        {
            if (span.Length > name.Length && span[name.Length] == (byte)'"' && span.StartsWith(System.Text.Encoding.ASCII.GetBytes(name)))
            {
                return true;
            }
        }

        return false;
    }

    private static long MaxTaskId(ReadOnlySpan<byte> line)
    {
        long max = 0;
        while (true)
        {
            var at = line.IndexOf(TaskIdKey);
            if (at < 0)
            {
                return max;
            }

            line = line[(at + TaskIdKey.Length)..];
            if (Utf8Parser.TryParse(line, out long id, out _))
            {
                max = Math.Max(max, id);
            }
        }
    }

    private static long WriteLine(Stream output, ReadOnlySpan<byte> line)
    {
        output.Write(line);
        output.WriteByte((byte)'\n');
        return line.Length + 1;
    }

    /// <summary>Writes the line with every <c>"Task ID":n</c> replaced by <c>n + offset</c> (byte-level, no JSON parse).</summary>
    private static long WriteRewritten(Stream output, ReadOnlySpan<byte> line, long offset)
    {
        long written = 1;
        Span<byte> digits = stackalloc byte[24];
        while (true)
        {
            var at = line.IndexOf(TaskIdKey);
            if (at < 0 || !Utf8Parser.TryParse(line[(at + TaskIdKey.Length)..], out long id, out var consumed))
            {
                break;
            }

            var keyEnd = at + TaskIdKey.Length;
            output.Write(line[..keyEnd]);
            Utf8Formatter.TryFormat(id + offset, digits, out var length);
            output.Write(digits[..length]);
            written += keyEnd + length;
            line = line[(keyEnd + consumed)..];
        }

        output.Write(line);
        output.WriteByte((byte)'\n');
        return written + line.Length;
    }

    private static string CompressZstd(string input, string output)
    {
        if (Paths.FindOnPath("zstd") is { } zstd)
        {
            var start = new ProcessStartInfo(zstd) { RedirectStandardError = true };
            foreach (var arg in new[] { "-3", "-T1", "-q", "-f", input, "-o", output })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"zstd failed ({process.ExitCode}): {error}");
            }

            return $"{zstd} -3 -T1";
        }

        using (var from = File.OpenRead(input))
        using (var to = File.Create(output))
        using (var compress = new ZstdSharp.CompressionStream(to, 3))
        {
            from.CopyTo(compress, 1 << 20);
        }

        return "ZstdSharp CompressionStream, level 3";
    }
}
