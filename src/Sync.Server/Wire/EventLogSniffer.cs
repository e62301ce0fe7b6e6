namespace Sync.Server.Wire;

/// <summary>
/// Tells from its first bytes whether an upload can be a Spark event log: JSON lines, or an archive or compressed
/// file (zip, gzip, zstd, lz4, snappy, bzip2) that the engine's reader opens. The bytes read are given back in
/// front of the rest of the stream, so nothing is buffered beyond them.
/// </summary>
internal static class EventLogSniffer
{
    private const int PeekBytes = 64;

    private static readonly byte[][] Magics =
    [
        [0x50, 0x4B, 0x03, 0x04], // zip
        [0x1F, 0x8B], // gzip
        [0x28, 0xB5, 0x2F, 0xFD], // zstd
        [0x04, 0x22, 0x4D, 0x18], // lz4 frame
        [0xFF, 0x06, 0x00, 0x00, 0x73, 0x4E, 0x61, 0x50, 0x70, 0x59], // snappy framing
        [0x42, 0x5A, 0x68], // bzip2
    ];

    /// <summary>The stream to store (the peeked bytes then the rest), or why it is not an event log.</summary>
    public static async Task<(Stream? Content, string? Problem)> CheckAsync(Stream upload, CancellationToken cancellationToken)
    {
        var head = new byte[PeekBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = await upload.ReadAsync(head.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length == 0)
        {
            return (null, "The uploaded file is empty.");
        }

        return IsKnown(head.AsSpan(0, length))
            ? (new PrefixedStream(head.AsMemory(0, length), upload), null)
            : (null, "The uploaded file is not a Spark event log: it is neither JSON lines nor a zip, gzip, zstd, lz4, snappy or bzip2 file.");
    }

    private static bool IsKnown(ReadOnlySpan<byte> bytes)
    {
        foreach (var magic in Magics)
        {
            if (bytes.StartsWith(magic))
            {
                return true;
            }
        }

        return LooksLikeJsonLines(bytes);
    }

    private static bool LooksLikeJsonLines(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var text = bytes.TrimStart(" \t\r\n"u8);
        return text.Length > 0 && text[0] == (byte)'{';
    }
}
