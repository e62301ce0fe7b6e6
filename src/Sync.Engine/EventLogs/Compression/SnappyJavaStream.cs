using System.Buffers.Binary;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Decodes snappy-java's <c>SnappyOutputStream</c> stream format (Spark's <c>snappy</c> codec): a 16-byte header
/// (magic <c>0x82 'SNAPPY' 0x00</c>, version and compatible-version as big-endian int32), then blocks of a 4-byte
/// big-endian compressed length followed by one raw Snappy block. A repeated header starts a concatenated stream.
/// </summary>
internal sealed class SnappyJavaStream : BlockDecoderStream
{
    private const int StreamHeaderLength = 16;

    private static ReadOnlySpan<byte> Magic => [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0x00];

    private bool _headerRead;

    public SnappyJavaStream(Stream source, bool leaveOpen = false)
        : base(source, leaveOpen)
    {
    }

    protected override string CodecName => "snappy";

    protected override int DecodeNextBlock()
    {
        Span<byte> header = stackalloc byte[StreamHeaderLength];
        while (true)
        {
            if (!_headerRead)
            {
                long headerOffset = Source.Position;
                ReadExactly(header, "stream header");
                CheckMagic(header, headerOffset);
                _headerRead = true;
            }

            if (Source.AtEnd())
            {
                return -1;
            }

            long offset = Source.Position;
            ReadExactly(header[..4], "block length");
            if (header[0] == Magic[0])
            {
                // Lengths of 2 GiB and more are impossible, so 0x82 here can only start another stream header.
                ReadExactly(header[4..], "stream header");
                CheckMagic(header, offset);
                continue;
            }

            int compressed = BinaryPrimitives.ReadInt32BigEndian(header);
            if (compressed <= 0 || compressed > MaxBlockSize)
            {
                throw Corrupt(offset, $"invalid block length {compressed} (bytes {Hex(header[..4])}).");
            }

            byte[] input = EnsureInput(compressed);
            ReadExactly(input.AsSpan(0, compressed), "compressed block data");
            ReadOnlySpan<byte> block = input.AsSpan(0, compressed);

            int length;
            try
            {
                length = Snappier.Snappy.GetUncompressedLength(block);
            }
            catch (Exception ex)
            {
                throw Corrupt(offset, "the Snappy block has an invalid length prefix.", ex);
            }

            if (length < 0 || length > MaxBlockSize)
            {
                throw Corrupt(offset, $"the Snappy block declares {length} decompressed bytes (limit {MaxBlockSize}).");
            }

            if (length == 0)
            {
                continue;
            }

            byte[] output = EnsureOutput(length);
            int n;
            try
            {
                n = Snappier.Snappy.Decompress(block, output.AsSpan(0, length));
            }
            catch (Exception ex)
            {
                throw Corrupt(offset, $"the Snappy block could not be decoded ({ex.Message})", ex);
            }

            if (n != length)
            {
                throw Corrupt(offset, $"the Snappy block decoded to {n} bytes, but declares {length}.");
            }

            return n;
        }
    }

    private void CheckMagic(ReadOnlySpan<byte> header, long offset)
    {
        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw Corrupt(offset, $"expected the snappy-java stream header 82534E4150505900, found {Hex(header[..Magic.Length])}.");
        }
    }
}
