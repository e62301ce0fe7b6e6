using System.Buffers.Binary;
using Sync.Engine.EventLogs.Compression;

namespace Sync.Engine.Tests.Compression;

public class DecoderUnitTests
{
    [Fact]
    public void LzfDecoderHandlesLiteralsAndOverlappingBackReferences()
    {
        // "ab" literal, then a back-reference of length 6 at distance 2 (overlapping): "abababab".
        byte[] input = [0x01, (byte)'a', (byte)'b', (6 - 2) << 5, 0x01];
        var output = new byte[8];
        Assert.Equal(8, LzfDecoder.Decode(input, output));
        Assert.Equal("abababab"u8.ToArray(), output);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x41 })] // literal run past the end of input
    [InlineData(new byte[] { 0x20, 0x00 })] // back-reference before the start of output
    [InlineData(new byte[] { 0xE0 })] // extended length cut off
    [InlineData(new byte[] { 0x00, 0x41, 0x20 })] // offset byte cut off
    [InlineData(new byte[] { 0x00, 0x41, 0xE0, 0xFF, 0x00 })] // back-reference overflows the output
    public void LzfDecoderRejectsMalformedInput(byte[] input)
    {
        Assert.Throws<InvalidDataException>(() => LzfDecoder.Decode(input, new byte[16]));
    }

    [Theory]
    [InlineData("random.bin.lz4")] // raw (stored) blocks: only the checksum can catch a changed byte
    [InlineData("application_1536831636016_59384_1.lz4")]
    public void Lz4BlockChecksumCatchesAChangedDataByte(string file)
    {
        var bytes = CompressedTestData.Read(file);
        Assert.Equal(CompressedTestData.Read(file.Replace(".lz4", "")), CompressedTestData.ReadAll(new Lz4BlockStream(new MemoryStream(bytes))));
        bytes[21 + 100] ^= 0x01; // a byte of the first block's data, after its 21-byte header

        var error = Assert.Throws<InvalidDataException>(() => CompressedTestData.ReadAll(new Lz4BlockStream(new MemoryStream(bytes))));
        Assert.True(error.Message.Contains("checksum") || (!file.StartsWith("random") && error.Message.Contains("could not be decoded")), error.Message);
    }

    [Fact]
    public void Lz4RejectsOversizedDeclaredBlocksWithoutAllocating()
    {
        var block = new byte[21];
        "LZ4Block"u8.CopyTo(block);
        block[8] = 0x2F; // LZ4, largest level
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(9), int.MaxValue);
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(13), int.MaxValue);
        using var stream = new Lz4BlockStream(new MemoryStream(block));
        var ex = Assert.Throws<InvalidDataException>(() => stream.ReadByte());
        Assert.Contains("invalid block lengths", ex.Message);
    }

    [Fact]
    public void SnappyJavaRejectsOversizedDeclaredBlocks()
    {
        byte[] data = [0x82, (byte)'S', (byte)'N', (byte)'A', (byte)'P', (byte)'P', (byte)'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1, 0x7F, 0xFF, 0xFF, 0xFF];
        using var stream = new SnappyJavaStream(new MemoryStream(data));
        Assert.Throws<InvalidDataException>(() => stream.ReadByte());
    }

    [Fact]
    public void LzfRejectsUnknownChunkType()
    {
        using var stream = new LzfStream(new MemoryStream([(byte)'Z', (byte)'V', 7, 0, 1, 0]));
        Assert.Throws<InvalidDataException>(() => stream.ReadByte());
    }

    [Theory]
    [InlineData(new byte[] { (byte)'L', (byte)'Z', (byte)'4' }, EventLogCodec.Lz4)]
    [InlineData(new byte[] { 0x82, (byte)'S' }, EventLogCodec.Snappy)]
    [InlineData(new byte[] { 0xFF, 0x06 }, EventLogCodec.SnappyFramed)]
    [InlineData(new byte[] { 0x28, 0xB5 }, EventLogCodec.Zstd)]
    [InlineData(new byte[] { 0x1F }, EventLogCodec.Gzip)]
    [InlineData(new byte[] { (byte)'Z', (byte)'V' }, EventLogCodec.Lzf)]
    [InlineData(new byte[] { (byte)' ', (byte)'\n' }, EventLogCodec.Plain)]
    public void DetectTreatsAShortPrefixOfAMagicAsThatCodec(byte[] head, EventLogCodec expected)
    {
        Assert.Equal(expected, EventLogCodecDetector.Detect(head));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'Z', (byte)'V', 2 })]
    [InlineData(new byte[] { (byte)'L', (byte)'Z', (byte)'4', (byte)'B', (byte)'l', (byte)'o', (byte)'c', (byte)'x' })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x07 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[' })]
    public void DetectRejectsNearMisses(byte[] head)
    {
        Assert.Null(EventLogCodecDetector.Detect(head));
    }

    [Fact]
    public void ShortPrefixOfAMagicIsReportedAsTruncated()
    {
        foreach (byte[] data in new[] { "LZ4"u8.ToArray(), [0x82, (byte)'S'], [0xFF, 0x06], [0x28, 0xB5], [0x1F, 0x8B], "ZV"u8.ToArray() })
        {
            using var decoded = EventLogDecompression.Open(new MemoryStream(data));
            var ex = Assert.Throws<InvalidDataException>(() => CompressedTestData.ReadAll(decoded.Content));
            Assert.Contains("truncated", ex.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
