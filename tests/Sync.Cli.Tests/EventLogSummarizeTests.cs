using System.Text.Json;

namespace Sync.Cli.Tests;

/// <summary><c>sync-cli eventlog summarize</c> run as a real process on the shipped sample, as the README tells a newcomer.</summary>
public class EventLogSummarizeTests
{
    private const string Sample = "samples/eventlogs/application_1538416563558_0014";

    [Fact]
    public async Task TextOutputShowsTheApplicationAndItsHeadlineFigures()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "summarize", Sample);

        Assert.True(exit == 0, stderr);
        Assert.Contains("PythonBisectingKMeansExample", stdout);
        Assert.Contains("2.5.0-SNAPSHOT", stdout);
        Assert.Contains("Core utilisation", stdout);
        Assert.Contains("Longest stages", stdout);
        Assert.Contains("ExecutorLostFailure", stdout);
    }

    [Fact]
    public async Task JsonOutputIsTheDocumentedShape()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "summarize", Sample, "--output", "json", "--top", "3");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("application_1538416563558_0014", root.GetProperty("application").GetProperty("id").GetString());
        Assert.Equal(35, root.GetProperty("tasks").GetProperty("count").GetInt32());
        Assert.Equal(8, root.GetProperty("tasks").GetProperty("failed").GetInt32());
        Assert.Equal(8, root.GetProperty("jobs").GetProperty("jobs").GetInt32());
        Assert.Equal(3, root.GetProperty("topStages").GetArrayLength());
        var time = root.GetProperty("time");
        Assert.Equal(time.GetProperty("wallTimeMs").GetInt64(), time.GetProperty("taskActiveTimeMs").GetInt64() + time.GetProperty("driverOnlyTimeMs").GetInt64());
        Assert.False(root.GetProperty("read").GetProperty("incomplete").GetBoolean());
    }

    [Fact]
    public async Task MissingFileIsABadInputErrorOnStandardError()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("eventlog", "summarize", "no/such/log", "--output", "json");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error: No file or directory at 'no/such/log'", stderr);
        Assert.Contains("hint:", stderr);
    }

    [Fact]
    public async Task FileThatIsNotAnEventLogSaysWhatWasFound()
    {
        var (exit, _, stderr) = await CliProcess.RunAsync("eventlog", "summarize", "Sync.sln");

        Assert.Equal(2, exit);
        Assert.Contains("Not a Spark event log", stderr);
    }

    [Fact]
    public async Task InvalidTopIsRejected()
    {
        var (exit, _, _) = await CliProcess.RunAsync("eventlog", "summarize", Sample, "--top", "-1");

        Assert.NotEqual(0, exit);
    }
}
