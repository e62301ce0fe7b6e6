using Sync.Engine.EventLogs.Compression;

namespace Sync.Engine.Tests.Compression;

/// <summary>
/// Truncated and corrupted inputs must either decode (a prefix or all of it) and end, or throw
/// <see cref="InvalidDataException"/>: never another exception, never a hang.
/// </summary>
public class CorruptionTests
{
    public static TheoryData<string> CompressedFiles => new()
    {
        CompressedTestData.LogName + ".lz4",
        CompressedTestData.LogName + ".lz4-small-blocks",
        CompressedTestData.LogName + ".lz4-concat",
        CompressedTestData.LogName + ".snappy",
        CompressedTestData.LogName + ".snappy-concat",
        CompressedTestData.LogName + ".snappy-framed",
        CompressedTestData.LogName + ".lzf",
        CompressedTestData.LogName + ".zstd",
        CompressedTestData.LogName + ".zstd-concat",
        CompressedTestData.LogName + ".gz",
        CompressedTestData.LogName + ".gz-concat",
        "random.bin.lz4",
        "random.bin.lzf",
        "random.bin.snappy",
        "random.bin.snappy-framed",
    };

    /// <summary>Decodes fully or throws InvalidDataException; returns the outcome and the decoded bytes.</summary>
    private static (bool Threw, byte[] Decoded) Decode(byte[] data)
    {
        using var decoded = EventLogDecompression.Open(new MemoryStream(data));
        var output = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = decoded.Content.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, n);
                Assert.True(output.Length <= 64 * 1024 * 1024, "runaway decoder");
            }
        }
        catch (InvalidDataException)
        {
            return (true, output.ToArray());
        }

        return (false, output.ToArray());
    }

    private static byte[] Expected(string file) =>
        file.StartsWith("random", StringComparison.Ordinal) ? CompressedTestData.Read("random.bin") : CompressedTestData.Original;

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void TruncatedCopiesThrowInvalidDataOrDecodeAPrefix(string file)
    {
        byte[] data = CompressedTestData.Read(file);
        byte[] expected = Expected(file);
        var cuts = new SortedSet<int>();
        for (int i = 1; i < 64 && i < data.Length; i++)
        {
            cuts.Add(i);
        }

        for (int i = 1; i <= 12; i++)
        {
            cuts.Add(data.Length - i);
        }

        var random = new Random(1234);
        for (int i = 0; i < 60; i++)
        {
            cuts.Add(random.Next(1, data.Length));
        }

        int silentPrefixes = 0;
        foreach (int cut in cuts)
        {
            var (threw, decoded) = Decode(data[..cut]);
            Assert.True(decoded.Length <= expected.Length, $"cut {cut}: decoded more than the original");
            Assert.True(expected.AsSpan(0, decoded.Length).SequenceEqual(decoded), $"cut {cut}: decoded bytes are not a prefix of the original");
            if (!threw && decoded.Length < expected.Length)
            {
                silentPrefixes++;
            }
        }

        // zstd and gzip know where a frame/member ends, so any cut inside one is reported. The lz4, snappy, framed
        // snappy and lzf formats have no (required) end marker: a cut exactly at a block boundary reads as a shorter log.
        if (file.Contains(".zstd", StringComparison.Ordinal) || file.Contains(".gz", StringComparison.Ordinal))
        {
            Assert.Equal(0, silentPrefixes);
        }
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void TruncatedInsideTheLastBlockThrowsTruncated(string file)
    {
        byte[] data = CompressedTestData.Read(file);
        var ex = Assert.Throws<InvalidDataException>(() => CompressedTestData.ReadAll(EventLogDecompression.Open(new MemoryStream(data[..^3])).Content));
        Assert.Contains("truncated", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void FlippedBytesThrowInvalidDataOrDecode(string file)
    {
        byte[] original = CompressedTestData.Read(file);
        var random = new Random(file.Length * 7919);
        for (int round = 0; round < 150; round++)
        {
            byte[] data = (byte[])original.Clone();
            int flips = 1 + random.Next(4);
            for (int f = 0; f < flips; f++)
            {
                // Keep the detection header so the codec is still recognised; corrupt everything else, block headers included.
                int at = EventLogCodecDetector.HeaderLength + random.Next(data.Length - EventLogCodecDetector.HeaderLength);
                data[at] ^= (byte)(1 << random.Next(8));
            }

            Decode(data);
        }
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void GarbageAfterTheHeaderThrowsInvalidDataOrDecodes(string file)
    {
        byte[] original = CompressedTestData.Read(file);
        var random = new Random(42);
        foreach (int keep in new[] { 16, 17, 21, 25, 40, 100, original.Length / 2 })
        {
            byte[] data = (byte[])original.Clone();
            random.NextBytes(data.AsSpan(keep));
            Decode(data);
        }
    }

    [Theory]
    [MemberData(nameof(CompressedFiles))]
    public void TrailingGarbageIsNotSilentlyAccepted(string file)
    {
        // For lz4 the garbage is not a block magic; for the others it breaks the chunk/frame structure.
        byte[] data = [.. CompressedTestData.Read(file), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
        var (threw, _) = Decode(data);
        Assert.True(threw);
    }
}
