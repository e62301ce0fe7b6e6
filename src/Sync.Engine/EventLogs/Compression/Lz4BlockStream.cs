using System.IO.Hashing;
using System.Buffers.Binary;
using K4os.Compression.LZ4;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Decodes lz4-java's <c>LZ4BlockOutputStream</c> framing (Spark's <c>lz4</c> codec). Each block is the magic
/// <c>LZ4Block</c>, a token byte (high nibble: method 0x10 raw or 0x20 LZ4; low nibble: block-size level),
/// compressed length, decompressed length and checksum (int32 little-endian each), then the data. A block with
/// both lengths zero ends one stream; further streams may follow until the end of input.
/// </summary>
/// <remarks>
/// Every block's xxHash32 checksum (seed 0x9747B28C, low 28 bits) is verified, as lz4-java's reader does, and the
/// decoded length must match the declared one. Like Spark's reader, input that ends cleanly at a block boundary
/// without the end block is accepted (an in-progress log).
/// </remarks>
internal sealed class Lz4BlockStream : BlockDecoderStream
{
    private const int HeaderLength = 21;
    private const int MethodRaw = 0x10;
    private const int MethodLz4 = 0x20;
    private const int ChecksumSeed = unchecked((int)0x9747B28C);

    private static ReadOnlySpan<byte> Magic => "LZ4Block"u8;

    public Lz4BlockStream(Stream source, bool leaveOpen = false)
        : base(source, leaveOpen)
    {
    }

    protected override string CodecName => "lz4";

    protected override int DecodeNextBlock()
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        while (true)
        {
            if (Source.AtEnd())
            {
                return -1;
            }

            long offset = Source.Position;
            ReadExactly(header, "block header");
            if (!header[..Magic.Length].SequenceEqual(Magic))
            {
                throw Corrupt(offset, $"expected the block magic 'LZ4Block' (4C5A34426C6F636B), found {Hex(header[..Magic.Length])}.");
            }

            int token = header[8];
            int method = token & 0xF0;
            int level = token & 0x0F;
            int compressed = BinaryPrimitives.ReadInt32LittleEndian(header[9..]);
            int decompressed = BinaryPrimitives.ReadInt32LittleEndian(header[13..]);
            if (method != MethodRaw && method != MethodLz4)
            {
                throw Corrupt(offset, $"unknown block method 0x{method:X2} in token 0x{token:X2} (expected 0x10 raw or 0x20 LZ4).");
            }

            int blockLimit = Math.Min(1 << (10 + level), MaxBlockSize);
            if (compressed < 0 || decompressed < 0 || decompressed > blockLimit || compressed > MaxBlockSize)
            {
                throw Corrupt(offset, $"invalid block lengths (compressed {compressed}, decompressed {decompressed}, block size limit {blockLimit}).");
            }

            if (decompressed == 0)
            {
                if (compressed != 0)
                {
                    throw Corrupt(offset, $"empty block declares {compressed} compressed bytes.");
                }

                // End of one LZ4Block stream; another may be concatenated.
                continue;
            }

            if (compressed == 0 || (method == MethodRaw && compressed != decompressed))
            {
                throw Corrupt(offset, $"invalid block lengths (compressed {compressed}, decompressed {decompressed}, method 0x{method:X2}).");
            }

            byte[] output = EnsureOutput(decompressed);
            int expectedChecksum = BinaryPrimitives.ReadInt32LittleEndian(header[17..]);
            if (method == MethodRaw)
            {
                ReadExactly(output.AsSpan(0, decompressed), "raw block data");
                VerifyChecksum(output.AsSpan(0, decompressed), expectedChecksum, offset);
                return decompressed;
            }

            byte[] input = EnsureInput(compressed);
            ReadExactly(input.AsSpan(0, compressed), "compressed block data");
            int n;
            try
            {
                n = LZ4Codec.Decode(input.AsSpan(0, compressed), output.AsSpan(0, decompressed));
            }
            catch (Exception ex) when (ex is not InvalidDataException)
            {
                throw Corrupt(offset, "the LZ4 block could not be decoded.", ex);
            }

            if (n != decompressed)
            {
                throw Corrupt(offset, n < 0
                    ? "the LZ4 block could not be decoded."
                    : $"the LZ4 block decoded to {n} bytes, but the header declares {decompressed}.");
            }

            VerifyChecksum(output.AsSpan(0, n), expectedChecksum, offset);
            return n;
        }
    }

    /// <summary>lz4-java's block checksum: xxHash32 of the decompressed bytes with seed 0x9747B28C, low 28 bits.</summary>
    private void VerifyChecksum(ReadOnlySpan<byte> block, int expected, long offset)
    {
        var actual = (int)(XxHash32.HashToUInt32(block, ChecksumSeed) & 0x0FFFFFFF);
        if (actual != expected)
        {
            throw Corrupt(offset, $"block checksum mismatch (header 0x{expected:X8}, data 0x{actual:X8}).");
        }
    }
}
