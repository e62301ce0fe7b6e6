using System.Buffers.Binary;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Decodes ning compress-lzf's <c>LZFOutputStream</c> chunks (Spark's <c>lzf</c> codec): <c>'Z' 'V'</c>, a type byte,
/// then for type 0 a 2-byte big-endian length and the raw bytes, for type 1 a 2-byte big-endian compressed length,
/// a 2-byte big-endian uncompressed length and the LZF data. Input ends at a chunk boundary.
/// </summary>
internal sealed class LzfStream : BlockDecoderStream
{
    private const int TypeUncompressed = 0;
    private const int TypeCompressed = 1;

    public LzfStream(Stream source, bool leaveOpen = false)
        : base(source, leaveOpen)
    {
    }

    protected override string CodecName => "lzf";

    protected override int DecodeNextBlock()
    {
        Span<byte> header = stackalloc byte[7];
        while (true)
        {
            if (Source.AtEnd())
            {
                return -1;
            }

            long offset = Source.Position;
            ReadExactly(header[..5], "chunk header");
            if (header[0] != (byte)'Z' || header[1] != (byte)'V')
            {
                throw Corrupt(offset, $"expected the chunk signature 'ZV' (5A56), found {Hex(header[..2])}.");
            }

            int type = header[2];
            int length = BinaryPrimitives.ReadUInt16BigEndian(header[3..]);
            if (type == TypeUncompressed)
            {
                if (length == 0)
                {
                    continue;
                }

                byte[] raw = EnsureOutput(length);
                ReadExactly(raw.AsSpan(0, length), "uncompressed chunk data");
                return length;
            }

            if (type != TypeCompressed)
            {
                throw Corrupt(offset, $"unknown chunk type {type} (expected 0 uncompressed or 1 compressed).");
            }

            ReadExactly(header.Slice(5, 2), "chunk header");
            int uncompressed = BinaryPrimitives.ReadUInt16BigEndian(header[5..]);
            if (length == 0 || uncompressed == 0)
            {
                throw Corrupt(offset, $"invalid compressed chunk lengths (compressed {length}, uncompressed {uncompressed}).");
            }

            byte[] input = EnsureInput(length);
            ReadExactly(input.AsSpan(0, length), "compressed chunk data");
            byte[] output = EnsureOutput(uncompressed);
            int n;
            try
            {
                n = LzfDecoder.Decode(input.AsSpan(0, length), output.AsSpan(0, uncompressed));
            }
            catch (InvalidDataException ex)
            {
                throw Corrupt(offset, ex.Message, ex);
            }

            if (n != uncompressed)
            {
                throw Corrupt(offset, $"the chunk decoded to {n} bytes, but declares {uncompressed}.");
            }

            return n;
        }
    }
}
