using System.Text;
using System.Text.Json;
using Sync.Engine.EventLogs.Parsing;

namespace Sync.Engine.Tests.Parsing;

public class JsonValueCutterTests
{
    private static string Cut(JsonValueCutter cutter, string json) => Encoding.UTF8.GetString(cutter.Cut(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void EmptiesTheNamedValuesAndKeepsEverythingElse()
    {
        var cutter = new JsonValueCutter("\"Accumulables\":[", "\"Metrics\":{");
        var json = """{"a":1,"Accumulables":[{"ID":1,"Name":"x]}\"[{","Value":"5"},[[]]],"b":"c","Metrics":{"m":{"n":[1,2]}},"d":[3]}""";

        Assert.Equal("""{"a":1,"Accumulables":[],"b":"c","Metrics":{},"d":[3]}""", Cut(cutter, json));
    }

    [Fact]
    public void BracketsAndEscapedQuotesInsideStringsDoNotEndTheValue()
    {
        var cutter = new JsonValueCutter("\"Accumulables\":[");
        var json = """{"Accumulables":["\\", "\"]", "]\\\"]"],"after":true}""";

        Assert.Equal("""{"Accumulables":[],"after":true}""", Cut(cutter, json));
    }

    [Fact]
    public void AKeyWrittenInsideAStringIsNotAKey()
    {
        var cutter = new JsonValueCutter("\"Accumulables\":[");
        var json = """{"Description":"see \"Accumulables\":[1]","x":1}""";

        Assert.Equal(json, Cut(cutter, json));
    }

    [Theory]
    [InlineData("""{"Accumulables":[1,2""")]
    [InlineData("""{"Accumulables":["unterminated]}""")]
    [InlineData("""{"Accumulables":[]}""")]
    [InlineData("""{"Other":[1]}""")]
    public void UnfinishedEmptyOrAbsentValuesLeaveTheLineUnchanged(string json) =>
        Assert.Equal(json, Cut(new JsonValueCutter("\"Accumulables\":["), json));

    [Fact]
    public void CutLinesOfARealLogStayValidJsonWithTheSameOtherValues()
    {
        var cutter = new JsonValueCutter("\"Accumulables\":[", "\"Task Executor Metrics\":{", "\"Updated Blocks\":[");
        foreach (var line in Support.SampleLog.Lines.Where(l => l.Contains("SparkListenerTaskEnd")))
        {
            var cut = Cut(cutter, line);
            using var original = JsonDocument.Parse(line);
            using var after = JsonDocument.Parse(cut);
            Assert.True(cut.Length < line.Length);
            Assert.Equal(0, after.RootElement.GetProperty("Task Info").GetProperty("Accumulables").GetArrayLength());
            Assert.Equal(
                original.RootElement.GetProperty("Task Metrics").GetProperty("Executor Run Time").GetInt64(),
                after.RootElement.GetProperty("Task Metrics").GetProperty("Executor Run Time").GetInt64());
        }
    }
}
