namespace Sync.Engine.EventLogs.Compression;

/// <summary>The on-disk encoding of a Spark event log, as recognised from its first bytes.</summary>
public enum EventLogCodec
{
    /// <summary>Uncompressed JSON lines (optionally starting with a UTF-8 byte order mark).</summary>
    Plain,

    /// <summary>
    /// lz4-java's <c>LZ4BlockOutputStream</c> framing, as Spark's <c>lz4</c> codec writes it: blocks that each start
    /// with the magic <c>LZ4Block</c>, a token byte (method and block-size level), the compressed and decompressed
    /// lengths and an xxhash32 checksum (all little-endian), followed by raw LZ4 block data. An empty block ends a
    /// stream; several streams may be concatenated.
    /// </summary>
    Lz4,

    /// <summary>
    /// snappy-java's <c>SnappyOutputStream</c> stream format, as Spark's <c>snappy</c> codec writes it: the magic
    /// <c>0x82 'SNAPPY' 0x00</c>, a version and a compatible-version (big-endian int32 each), then blocks of a
    /// 4-byte big-endian compressed length followed by one raw Snappy block. Several streams may be concatenated.
    /// </summary>
    Snappy,

    /// <summary>
    /// The Snappy framing format (as written by snappy-java's <c>SnappyFramedOutputStream</c>), which starts with
    /// the stream identifier chunk <c>0xff 06 00 00 'sNaPpY'</c>.
    /// </summary>
    SnappyFramed,

    /// <summary>Standard Zstandard frames (magic <c>28 B5 2F FD</c>), possibly several concatenated.</summary>
    Zstd,

    /// <summary>
    /// ning compress-lzf's <c>LZFOutputStream</c> chunks, as Spark's <c>lzf</c> codec writes them: each chunk starts
    /// with <c>'Z' 'V'</c> and a type byte; type 0 is an uncompressed chunk with a 2-byte big-endian length, type 1 a
    /// compressed chunk with 2-byte big-endian compressed and uncompressed lengths.
    /// </summary>
    Lzf,

    /// <summary>gzip members (magic <c>1F 8B 08</c>), possibly several concatenated.</summary>
    Gzip,
}
