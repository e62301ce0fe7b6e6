using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Compression;

namespace Sync.Engine.Tests.Compression;

public class EventLogDecompressionTests
{
    public static TheoryData<string, EventLogCodec> LogFiles => new()
    {
        { CompressedTestData.LogName, EventLogCodec.Plain },
        { CompressedTestData.LogName + ".lz4", EventLogCodec.Lz4 },
        { CompressedTestData.LogName + ".lz4-small-blocks", EventLogCodec.Lz4 },
        { CompressedTestData.LogName + ".lz4-concat", EventLogCodec.Lz4 },
        { CompressedTestData.LogName + ".snappy", EventLogCodec.Snappy },
        { CompressedTestData.LogName + ".snappy-concat", EventLogCodec.Snappy },
        { CompressedTestData.LogName + ".snappy-framed", EventLogCodec.SnappyFramed },
        { CompressedTestData.LogName + ".lzf", EventLogCodec.Lzf },
        { CompressedTestData.LogName + ".zstd", EventLogCodec.Zstd },
        { CompressedTestData.LogName + ".zstd-concat", EventLogCodec.Zstd },
        { CompressedTestData.LogName + ".gz", EventLogCodec.Gzip },
        { CompressedTestData.LogName + ".gz-concat", EventLogCodec.Gzip },
    };

    public static TheoryData<string, EventLogCodec> RandomFiles => new()
    {
        { "random.bin.lz4", EventLogCodec.Lz4 },
        { "random.bin.lzf", EventLogCodec.Lzf },
        { "random.bin.snappy", EventLogCodec.Snappy },
        { "random.bin.snappy-framed", EventLogCodec.SnappyFramed },
    };

    [Theory]
    [MemberData(nameof(LogFiles))]
    public void DecodesByteIdenticalToTheOriginal(string file, EventLogCodec codec)
    {
        using var decoded = EventLogDecompression.Open(new MemoryStream(CompressedTestData.Read(file)));
        Assert.Equal(codec, decoded.Codec);
        Assert.Equal(CompressedTestData.Original, CompressedTestData.ReadAll(decoded.Content));
    }

    [Theory]
    [MemberData(nameof(RandomFiles))]
    public void DecodesIncompressibleDataStoredInRawBlocks(string file, EventLogCodec codec)
    {
        // Not an event log, but the raw/uncompressed block paths of each format.
        using var decoded = EventLogDecompression.Open(new MemoryStream(CompressedTestData.Read(file)));
        Assert.Equal(codec, decoded.Codec);
        Assert.Equal(CompressedTestData.Read("random.bin"), CompressedTestData.ReadAll(decoded.Content));
    }

    [Theory]
    [MemberData(nameof(LogFiles))]
    public void DetectRecognisesEachCodec(string file, EventLogCodec codec)
    {
        byte[] data = CompressedTestData.Read(file);
        Assert.Equal(codec, EventLogCodecDetector.Detect(data.AsSpan(0, EventLogCodecDetector.HeaderLength)));
    }

    [Theory]
    [MemberData(nameof(LogFiles))]
    public void NonSeekableInputWithShortReadsAndTinyBuffers(string file, EventLogCodec codec)
    {
        var raw = new NonSeekableStream(CompressedTestData.Read(file), maxChunk: 777);
        using (var decoded = EventLogDecompression.Open(raw))
        {
            Assert.Equal(codec, decoded.Codec);
            Assert.Equal(CompressedTestData.Original, CompressedTestData.ReadAll(decoded.Content, bufferSize: 13));
        }

        Assert.True(raw.Disposed);
    }

    [Fact]
    public void LeaveOpenKeepsTheRawStreamOpen()
    {
        var raw = new NonSeekableStream(CompressedTestData.Read(CompressedTestData.LogName + ".lz4"));
        using (EventLogDecompression.Open(raw, leaveOpen: true))
        {
        }

        Assert.False(raw.Disposed);
    }

    [Fact]
    public void GzipStreamReadsConcatenatedMembers()
    {
        // .NET's GZipStream decodes every member of a multi-member file, not only the first.
        byte[] data = CompressedTestData.Read(CompressedTestData.LogName + ".gz-concat");
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        Assert.Equal(CompressedTestData.Original, CompressedTestData.ReadAll(gzip));
    }

    [Fact]
    public void EmptyInputIsPlainAndEmpty()
    {
        using var decoded = EventLogDecompression.Open(new NonSeekableStream([]));
        Assert.Equal(EventLogCodec.Plain, decoded.Codec);
        Assert.Empty(CompressedTestData.ReadAll(decoded.Content));
    }

    [Fact]
    public void PlainWithByteOrderMarkAndLeadingWhitespace()
    {
        byte[] data = [0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\n', .. "{\"Event\":\"SparkListenerLogStart\"}\n"u8];
        using var decoded = EventLogDecompression.Open(new NonSeekableStream(data, maxChunk: 3));
        Assert.Equal(EventLogCodec.Plain, decoded.Codec);
        Assert.Equal(data, CompressedTestData.ReadAll(decoded.Content));
    }

    [Theory]
    [InlineData("PK\u0003\u0004 zip archive")]
    [InlineData("<html><body>Not Found</body></html>")]
    [InlineData("[1,2,3]")]
    [InlineData("BZh91AY&SY")]
    [InlineData("event log")]
    public void UnrecognisedInputThrowsEventLogFormatException(string text)
    {
        byte[] data = System.Text.Encoding.Latin1.GetBytes(text);
        var ex = Assert.Throws<EventLogFormatException>(() => EventLogDecompression.Open(new MemoryStream(data)));
        Assert.Contains("not a Spark event log", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Convert.ToHexString(data, 0, Math.Min(data.Length, EventLogCodecDetector.HeaderLength)), ex.Message);
        Assert.Null(EventLogCodecDetector.Detect(data));
    }

    [Fact]
    public void UnrecognisedBinaryThrowsEventLogFormatException()
    {
        var data = new byte[100];
        new Random(7).NextBytes(data);
        data[0] = 0x00;
        Assert.Throws<EventLogFormatException>(() => EventLogDecompression.Open(new NonSeekableStream(data)));
    }
}
