namespace Sync.Engine.EventLogs.Compression;

/// <summary>Recognises the encoding of a Spark event log from its first bytes (never from its file name).</summary>
public static class EventLogCodecDetector
{
    /// <summary>The number of leading bytes <see cref="Detect"/> needs to decide (fewer if the input is shorter).</summary>
    public const int HeaderLength = 16;

    private static ReadOnlySpan<byte> Lz4Magic => "LZ4Block"u8;

    private static ReadOnlySpan<byte> SnappyJavaMagic => [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0x00];

    private static ReadOnlySpan<byte> SnappyFramedMagic => [0xff, 0x06, 0x00, 0x00, (byte)'s', (byte)'N', (byte)'a', (byte)'P', (byte)'p', (byte)'Y'];

    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    private static ReadOnlySpan<byte> GzipMagic => [0x1F, 0x8B, 0x08];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Detects the encoding of an event log from its first bytes.</summary>
    /// <param name="head">
    /// The first <see cref="HeaderLength"/> bytes of the input, or the whole input if it is shorter.
    /// </param>
    /// <returns>
    /// The detected codec, or <see langword="null"/> if the bytes match none. An empty input, or one holding only
    /// whitespace, is <see cref="EventLogCodec.Plain"/> (an empty log). If the whole input is shorter than a codec's
    /// magic and is a prefix of it, that codec is returned so that decoding reports a truncated stream.
    /// </returns>
    public static EventLogCodec? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length > HeaderLength)
        {
            head = head[..HeaderLength];
        }

        if (IsPlain(head))
        {
            return EventLogCodec.Plain;
        }

        if (Matches(head, Lz4Magic))
        {
            return EventLogCodec.Lz4;
        }

        if (Matches(head, SnappyJavaMagic))
        {
            return EventLogCodec.Snappy;
        }

        if (Matches(head, SnappyFramedMagic))
        {
            return EventLogCodec.SnappyFramed;
        }

        if (Matches(head, ZstdMagic))
        {
            return EventLogCodec.Zstd;
        }

        if (Matches(head, GzipMagic))
        {
            return EventLogCodec.Gzip;
        }

        // LZF: 'Z' 'V' then chunk type 0 (uncompressed) or 1 (compressed).
        if (head.Length >= 1 && head[0] == (byte)'Z' && (head.Length < 2 || head[1] == (byte)'V') && (head.Length < 3 || head[2] <= 1))
        {
            return EventLogCodec.Lzf;
        }

        return null;
    }

    /// <summary>True if <paramref name="head"/> starts with <paramref name="magic"/>, or is a non-empty prefix of it.</summary>
    private static bool Matches(ReadOnlySpan<byte> head, ReadOnlySpan<byte> magic) =>
        head.Length >= magic.Length ? head.StartsWith(magic) : head.Length > 0 && magic.StartsWith(head);

    private static bool IsPlain(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[Utf8Bom.Length..];
        }

        foreach (byte b in head)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'{':
                    return true;
                default:
                    return false;
            }
        }

        // Empty, or nothing but whitespace: an empty (or blank) JSON-lines log.
        return true;
    }
}
