namespace Sync.Cli.Tests;

/// <summary>The README's "Install the tool" steps: pack sync-cli, install it from that local feed, run it.</summary>
public class ToolPackageTests
{
    [Fact]
    public async Task PackedToolInstallsFromALocalFeedAndRunsTheMainJob()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "sync-tool-" + Guid.NewGuid().ToString("N"));
        try
        {
            await Packages.PackAsync("src/Sync.Cli", Path.Combine(scratch, "feed"));
            await Packages.Run("dotnet", scratch, "tool", "install", "--tool-path", Path.Combine(scratch, "bin"), "--add-source", Path.Combine(scratch, "feed"), "Sync.Cli");
            var tool = Path.Combine(scratch, "bin", "sync-cli");

            var version = await Packages.Run(tool, CliProcess.RepoRoot, "--version");
            var summary = await Packages.Run(tool, CliProcess.RepoRoot, "eventlog", "summarize", "samples/eventlogs/application_1538416563558_0014", "-o", "json");
            var home = Path.Combine(scratch, "home");
            var prediction = await Packages.Run(tool, CliProcess.RepoRoot, new Dictionary<string, string> { ["SYNC_HOME"] = home },
                "predictions", "create", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip",
                "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json", "--output", "json");

            Assert.StartsWith(Packages.Version, version.Trim());
            Assert.Contains("\"application_1538416563558_0014\"", summary);
            using var document = System.Text.Json.JsonDocument.Parse(prediction);
            Assert.Equal("SUCCESS", document.RootElement.GetProperty("status").GetString());
            foreach (var name in new[] { "performance", "balanced", "economy" })
            {
                Assert.True(document.RootElement.GetProperty(name).GetProperty("costUsd").GetDouble() > 0, $"no {name} solution in {prediction}");
            }

            Assert.True(File.Exists(Path.Combine(home, "sync.db")), "the embedded store was not written under SYNC_HOME");
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
