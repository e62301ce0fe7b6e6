using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Sync.Engine.EventLogs;

namespace Sync.Bench;

/// <summary>One measurement in this (fresh) process; prints one JSON line on stdout.</summary>
internal static class Measure
{
    public const string Reader = "reader";
    public const string Lines = "lines";
    public const string Json = "json";
    public const string BufferedLines = "buffered-lines";

    private const int BufferBytes = 1 << 20;
    private static readonly SearchValues<byte> Newline = SearchValues.Create("\n"u8);

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: measure <reader|lines|json|buffered-lines> <file>");
            return 2;
        }

        var (mode, file) = (args[0], args[1]);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var pause0 = GC.GetTotalPauseDuration();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var stopwatch = Stopwatch.StartNew();

        long bytes, lines, tasks = 0, tokens = 0, malformed = 0;
        object? keep = null;
        switch (mode)
        {
            case Reader:
            {
                var app = EventLogReader.ReadAsync(file).GetAwaiter().GetResult();
                bytes = app.ReadReport.DecompressedBytes;
                lines = app.ReadReport.Parts.Sum(p => p.Lines);
                tasks = app.Tasks.Count;
                malformed = app.ReadReport.MalformedLineCount;
                keep = app;
                break;
            }

            case Lines:
            {
                using var stream = OpenDecoded(file);
                (bytes, lines, tokens) = ScanLines(stream, tokenize: false);
                break;
            }

            case Json:
            {
                using var stream = OpenDecoded(file);
                (bytes, lines, tokens) = ScanLines(stream, tokenize: true);
                break;
            }

            case BufferedLines:
            {
                // Profiling aid: what a codec layer that buffers the whole input in memory costs before splitting.
                var buffered = new MemoryStream();
                using (var raw = File.OpenRead(file))
                {
                    raw.CopyTo(buffered);
                }

                using var stream = OpenDecoded(new MemoryStream(buffered.ToArray()));
                (bytes, lines, tokens) = ScanLines(stream, tokenize: false);
                break;
            }

            default:
                Console.Error.WriteLine($"unknown mode '{mode}'");
                return 2;
        }

        stopwatch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        var pause = GC.GetTotalPauseDuration() - pause0;
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var result = new MeasureResult
        {
            Mode = mode,
            File = Path.GetFileName(file),
            FileBytes = new FileInfo(file).Length,
            DecompressedBytes = bytes,
            Lines = lines,
            Tasks = tasks,
            Tokens = tokens,
            MalformedLines = malformed,
            WallMs = stopwatch.Elapsed.TotalMilliseconds,
            CpuMs = cpu.TotalMilliseconds,
            PeakWorkingSetBytes = process.PeakWorkingSet64,
            AllocatedBytes = allocated,
            Gen0 = GC.CollectionCount(0) - gen0,
            Gen1 = GC.CollectionCount(1) - gen1,
            Gen2 = GC.CollectionCount(2) - gen2,
            GcPauseMs = pause.TotalMilliseconds,
            GcHeapAtEndBytes = info.HeapSizeBytes,
            GcCommittedAtEndBytes = info.TotalCommittedBytes,
            ProcessorCount = Environment.ProcessorCount,
            GcServer = System.Runtime.GCSettings.IsServerGC,
            // After the timed part: what stays alive with the result (the model, for the reader) after a full GC.
            RetainedHeapBytes = GC.GetTotalMemory(forceFullCollection: true),
        };
        GC.KeepAlive(keep);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    private static Stream OpenDecoded(string file) =>
        OpenDecoded(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));

    /// <summary>Plain, or zstd (detected from the magic bytes) through ZstdSharp's streaming decoder.</summary>
    private static Stream OpenDecoded(Stream raw)
    {
        Span<byte> head = stackalloc byte[4];
        var n = raw.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        raw.Position = 0;
        return n == 4 && head.SequenceEqual((ReadOnlySpan<byte>)[0x28, 0xb5, 0x2f, 0xfd]) ? new ZstdSharp.DecompressionStream(raw) : raw;
    }

    /// <summary>Splits the stream into lines over a 1 MiB buffer (grown for longer lines); optionally runs a bare token loop per line.</summary>
    private static (long Bytes, long Lines, long Tokens) ScanLines(Stream stream, bool tokenize)
    {
        var options = new JsonReaderOptions { MaxDepth = 1024, CommentHandling = JsonCommentHandling.Skip };
        var buffer = new byte[BufferBytes];
        long bytes = 0, lines = 0, tokens = 0;
        int start = 0, end = 0;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            bytes += read;
            end += read;
            var span = buffer.AsSpan(0, end);
            while (start < end)
            {
                var newline = span[start..].IndexOfAny(Newline);
                if (newline < 0)
                {
                    break;
                }

                var line = span.Slice(start, newline);
                start += newline + 1;
                lines++;
                if (tokenize && !line.IsEmpty)
                {
                    tokens += Tokenize(line, options);
                }
            }

            if (start == end)
            {
                start = end = 0;
            }
        }

        if (end > start)
        {
            lines++;
            if (tokenize)
            {
                tokens += Tokenize(buffer.AsSpan(start, end - start), options);
            }
        }

        return (bytes, lines, tokens);
    }

    private static long Tokenize(ReadOnlySpan<byte> line, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(line, options);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}

internal sealed class MeasureResult
{
    public string Mode { get; set; } = "";
    public string File { get; set; } = "";
    public long FileBytes { get; set; }
    public long DecompressedBytes { get; set; }
    public long Lines { get; set; }
    public long Tasks { get; set; }
    public long Tokens { get; set; }
    public long MalformedLines { get; set; }
    public double WallMs { get; set; }
    public double CpuMs { get; set; }
    public long PeakWorkingSetBytes { get; set; }
    public long AllocatedBytes { get; set; }
    public int Gen0 { get; set; }
    public int Gen1 { get; set; }
    public int Gen2 { get; set; }
    public double GcPauseMs { get; set; }
    public long GcHeapAtEndBytes { get; set; }
    public long GcCommittedAtEndBytes { get; set; }
    public int ProcessorCount { get; set; }
    public bool GcServer { get; set; }
    public long RetainedHeapBytes { get; set; }
}
