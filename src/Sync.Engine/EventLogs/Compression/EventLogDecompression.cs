using System.IO.Compression;
using Snappier;
using ZstdSharp;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>Opens a raw (possibly compressed) Spark event log as a stream of its decompressed JSON lines.</summary>
public static class EventLogDecompression
{
    /// <summary>
    /// Reads the first bytes of <paramref name="raw"/>, detects the codec from them (never from a file name) and
    /// returns a stream of the decompressed content. <paramref name="raw"/> need not be seekable; the header bytes
    /// are replayed in front of the rest.
    /// </summary>
    /// <param name="raw">The stored event log, positioned at its start.</param>
    /// <param name="leaveOpen">
    /// If <see langword="false"/> (the default), disposing the result disposes <paramref name="raw"/>.
    /// </param>
    /// <returns>The decoded log; the caller disposes it. Empty input gives <see cref="EventLogCodec.Plain"/> and empty content.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="raw"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="raw"/> is not readable.</exception>
    /// <exception cref="EventLogFormatException">
    /// The first bytes are neither JSON nor a known codec. <paramref name="raw"/> is then left open.
    /// </exception>
    public static DecodedEventLogStream Open(Stream raw, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (!raw.CanRead)
        {
            throw new ArgumentException("The event log stream must be readable.", nameof(raw));
        }

        byte[] head = new byte[EventLogCodecDetector.HeaderLength];
        int length = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        EventLogCodec codec = EventLogCodecDetector.Detect(head.AsSpan(0, length))
            ?? throw new EventLogFormatException(
                $"Not a Spark event log: expected JSON lines or one of lz4, snappy, zstd, lzf, gzip, but the first {length} bytes are {Convert.ToHexString(head, 0, length)} (\"{Printable(head.AsSpan(0, length))}\").");

        Stream source = new PrefixedStream(head, length, raw, leaveOpen);
        Stream content = codec switch
        {
            EventLogCodec.Plain => source,
            EventLogCodec.Lz4 => new Lz4BlockStream(source),
            EventLogCodec.Snappy => new SnappyJavaStream(source),
            EventLogCodec.Lzf => new LzfStream(source),
            EventLogCodec.SnappyFramed => new LibraryDecoderStream(
                new SnappyStream(new SnappyFrameCheckingStream(source, leaveOpen: true), CompressionMode.Decompress, leaveOpen: true),
                source,
                leaveOpen: false,
                "snappy framed"),
            EventLogCodec.Zstd => new LibraryDecoderStream(
                new DecompressionStream(source, leaveOpen: true),
                source,
                leaveOpen: false,
                "zstd"),
            EventLogCodec.Gzip => new GzipDecoderStream(source, leaveOpen: false),
            _ => throw new InvalidOperationException($"Unhandled codec {codec}."),
        };

        return new DecodedEventLogStream(content, codec);
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x20 and < 0x7f ? (char)b : '.';
        }

        return new string(chars);
    }
}
