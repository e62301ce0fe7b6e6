using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Json;
using Sync.Engine.Applications;
using Sync.Engine.EventLogs.Compression;
using Sync.Engine.EventLogs.Parsing;
using Sync.Engine.EventLogs.Sources;

namespace Sync.Engine.EventLogs;

/// <summary>
/// Reads a Spark event log into a <see cref="SparkApplication"/>: decompresses each part (codec detected from its
/// bytes), splits it into lines in a bounded buffer, and parses each line with a forward-only JSON reader.
/// Memory is bounded by the buffer and the model, never by the size of the log.
/// Malformed lines and unknown events are skipped and reported in <see cref="SparkApplication.ReadReport"/>;
/// a truncated last line or stream marks the log incomplete. A log with no <c>SparkListenerApplicationStart</c>, or
/// that is not an event log, throws <see cref="EventLogFormatException"/>.
/// </summary>
public static class EventLogReader
{
    private const int InitialBufferBytes = 1 << 20;

    /// <summary>Longest line accepted (SQL plans can be tens of megabytes); longer lines are reported and skipped.</summary>
    public const int MaxLineBytes = 512 << 20;

    /// <summary>Reads the event log at a local path (see <see cref="EventLogSource.FromPath"/> for what a path may be).</summary>
    /// <param name="path">A file, rolling or Databricks directory, or archive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="EventLogFormatException">The path holds no readable event log.</exception>
    public static async Task<SparkApplication> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var source = EventLogSource.FromPath(path);
        return await ReadAsync(source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every part of <paramref name="source"/>, in order, as one application.</summary>
    /// <param name="source">The parts to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EventLogFormatException">The parts hold no readable event log.</exception>
    public static async Task<SparkApplication> ReadAsync(EventLogSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var model = new ApplicationModelBuilder();
        var parser = new EventLineParser(model);
        var state = new ReadState();
        var parts = new List<EventLogPartInfo>();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            for (var i = 0; i < source.Parts.Count; i++)
            {
                var part = source.Parts[i];
                var (info, grown) = await ReadPartAsync(part, parser, state, buffer, cancellationToken).ConfigureAwait(false);
                buffer = grown;
                parts.Add(info);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var counts = parser.EventCounts(out var unknown);
        if (!model.SawApplicationStart)
        {
            throw new EventLogFormatException(NoApplicationStartMessage(source, counts));
        }

        var warnings = new List<string>(source.Warnings);
        warnings.AddRange(state.Warnings);
        warnings.AddRange(parts.Where(p => p.Error is not null).Select(p => $"{p.Name}: {p.Error}"));
        if (source.MarkedInProgress)
        {
            warnings.Add("The log is marked in progress: the application was still running when it was read; what is complete was read.");
        }

        if (model.EndTimeMs is null)
        {
            warnings.Add("The log has no SparkListenerApplicationEnd event; the end time is the last time seen in the log.");
        }

        if (state.MalformedCount > 0)
        {
            warnings.Add($"{state.MalformedCount} malformed line(s) were skipped; the first is {state.Malformed[0].File}:{state.Malformed[0].LineNumber}: {state.Malformed[0].Message}.");
        }

        if (unknown.Count > 0)
        {
            warnings.Add($"{unknown.Values.Sum()} event(s) from outside Apache Spark ({string.Join(", ", unknown.Keys.Order().Take(5))}{(unknown.Count > 5 ? ", …" : "")}) were skipped.");
        }

        var report = new EventLogReadReport
        {
            Layout = source.Layout,
            Parts = parts,
            EventCounts = counts,
            UnknownEventCounts = unknown,
            MalformedLines = state.Malformed,
            MalformedLineCount = state.MalformedCount,
            IsIncomplete = source.MarkedInProgress || state.TruncatedLastLine || parts.Any(p => p.Error is not null) || model.EndTimeMs is null,
            Warnings = warnings,
        };
        return model.Build(report);
    }

    private static string NoApplicationStartMessage(EventLogSource source, IReadOnlyDictionary<string, long> counts)
    {
        var what = source.Parts.Count == 1 ? $"'{source.Parts[0].Name}'" : $"This log ({source.Parts.Count} parts)";
        if (counts.Count == 0)
        {
            return $"{what} holds no Spark events: it is empty or not a Spark event log.";
        }

        return $"{what} has no SparkListenerApplicationStart event ({counts.Values.Sum()} other events): it is a later part of a rolling or " +
               "rotated log, or not an application's event log; pass the whole log directory.";
    }

    private sealed class ReadState
    {
        public readonly List<MalformedLine> Malformed = [];
        public readonly List<string> Warnings = [];
        public long MalformedCount;
        public bool TruncatedLastLine;

        public void AddMalformed(string file, long line, string message)
        {
            MalformedCount++;
            if (Malformed.Count < EventLogReadReport.MaxMalformedLinesKept)
            {
                Malformed.Add(new MalformedLine(file, line, message));
            }
        }
    }

    private static async Task<(EventLogPartInfo Info, byte[] Buffer)> ReadPartAsync(
        EventLogSourcePart part, EventLineParser parser, ReadState state, byte[] buffer, CancellationToken cancellationToken)
    {
        await using var raw = new CountingStream(part.Open());
        using var decoded = EventLogDecompression.Open(raw);
        var content = decoded.Content;
        long lineNumber = 0, decompressed = 0;
        int start = 0, end = 0;
        string? error = null;
        var skippingLongLine = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }
                else if (buffer.Length >= MaxLineBytes)
                {
                    // A single line longer than the limit: drop what we have and skip to its end.
                    state.AddMalformed(part.Name, lineNumber + 1, $"line longer than {MaxLineBytes} bytes");
                    skippingLongLine = true;
                    end = 0;
                }
                else
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxLineBytes, buffer.Length * 2));
                    buffer.AsSpan(0, end).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            int read;
            try
            {
                read = await content.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                error = $"the compressed stream is truncated or corrupt after {decompressed} bytes ({e.Message}); the events before that point were read";
                break;
            }

            if (read == 0)
            {
                break;
            }

            decompressed += read;
            end += read;
            start = ParseLines(buffer, start, end, part.Name, ref lineNumber, ref skippingLongLine, parser, state);
            if (start == end)
            {
                start = end = 0;
            }
        }

        if (end > start && !skippingLongLine)
        {
            // The last line has no newline: complete JSON is fine, anything else was cut off mid-write.
            lineNumber++;
            var line = Trim(buffer.AsSpan(start, end - start));
            if (!line.IsEmpty)
            {
                try
                {
                    parser.Parse(line);
                }
                catch (JsonException)
                {
                    state.TruncatedLastLine = true;
                    state.Warnings.Add($"{part.Name}: the last line ({lineNumber}) was cut off mid-write and was skipped.");
                }
            }
        }

        return (new EventLogPartInfo(part.Name, decoded.Codec, raw.BytesRead, decompressed, lineNumber, error), buffer);
    }

    /// <summary>Parses every complete line in <c>buffer[start..end)</c>; returns where the incomplete rest begins.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseLines(
        byte[] buffer, int start, int end, string file, ref long lineNumber, ref bool skippingLongLine, EventLineParser parser, ReadState state)
    {
        ReadOnlySpan<byte> span = buffer.AsSpan(0, end);
        while (start < end)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return start;
            }

            var line = span.Slice(start, newline);
            start += newline + 1;
            lineNumber++;
            if (skippingLongLine)
            {
                skippingLongLine = false;
                continue;
            }

            line = Trim(line);
            if (line.IsEmpty)
            {
                continue;
            }

            try
            {
                parser.Parse(line);
            }
            catch (JsonException e)
            {
                state.AddMalformed(file, lineNumber, Describe(e));
            }
        }

        return start;
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd((byte)'\r');
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return line.Trim(" \t"u8);
    }
}
