using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Sources;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.EventLogs;

/// <summary>
/// Truncated, corrupted and random input never crashes the reader and never hangs: it either reads (reporting what it
/// skipped) or throws <see cref="EventLogFormatException"/>. Fixed seeds make every case reproducible.
/// </summary>
public class ReaderRobustnessTests
{
    public static TheoryData<string> Files() => new()
    {
        SampleLog.Name, SampleLog.Name + ".lz4", SampleLog.Name + ".snappy", SampleLog.Name + ".snappy-framed",
        SampleLog.Name + ".zstd", SampleLog.Name + ".lzf", SampleLog.Name + ".gz",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TruncatedAtAnyOffsetReadsAPrefixOrFailsCleanly(string file)
    {
        var bytes = File.ReadAllBytes(TestPaths.TestData($"compressed/{file}"));
        var random = new Random(20261125);
        for (var i = 0; i < 40; i++)
        {
            var length = random.Next(0, bytes.Length);
            var app = await ReadOrFormatError(bytes[..length]);
            if (app is not null)
            {
                Assert.InRange(app.Tasks.Count, 0, SampleLog.TaskCount);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CorruptedBytesAreSkippedOrReportedNeverFatal(string file)
    {
        var original = File.ReadAllBytes(TestPaths.TestData($"compressed/{file}"));
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var app = await ReadOrFormatError(bytes);
            if (app is not null)
            {
                Assert.True(app.Tasks.Count <= SampleLog.TaskCount + 1);
            }
        }
    }

    [Fact]
    public async Task RandomBytesAreNotAnEventLog()
    {
        var random = new Random(11);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[random.Next(0, 5000)];
            random.NextBytes(bytes);
            Assert.Null(await ReadOrFormatError(bytes));
        }
    }

    [Fact]
    public async Task RandomJsonishLinesAreReportedAsMalformed()
    {
        var random = new Random(3);
        var lines = SampleLog.Lines.ToList();
        for (var i = 0; i < 30; i++)
        {
            var line = lines[random.Next(5, lines.Count)];
            lines.Insert(random.Next(5, lines.Count), line[..random.Next(1, line.Length)]);
        }

        var app = await ReadOrFormatError(System.Text.Encoding.UTF8.GetBytes(SampleLog.Join(lines)));

        Assert.NotNull(app);
        Assert.Equal(SampleLog.TaskCount, app.Tasks.Count);
        Assert.True(app.ReadReport.MalformedLineCount >= 25, $"{app.ReadReport.MalformedLineCount} malformed");
        Assert.All(app.ReadReport.MalformedLines, m => Assert.True(m.LineNumber > 5));
    }

    private static async Task<Sync.Engine.Applications.SparkApplication?> ReadOrFormatError(byte[] bytes)
    {
        using var source = EventLogSource.FromStream(new MemoryStream(bytes), "case");
        var read = EventLogReader.ReadAsync(source);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == read, "the reader hung");
        try
        {
            return await read;
        }
        catch (EventLogFormatException)
        {
            return null;
        }
    }
}
