namespace Sync.Cli.Tests;

/// <summary>The README's "Install the tool" steps: pack sync-cli, install it from that local feed, run it.</summary>
public class ToolPackageTests
{
    [Fact]
    public async Task PackedToolInstallsFromALocalFeedAndRuns()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "sync-tool-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            await Dotnet(CliProcess.RepoRoot, "pack", "src/Sync.Cli", "-c", configuration, "--no-build", "-o", Path.Combine(scratch, "feed"));
            await Dotnet(scratch, "tool", "install", "--tool-path", Path.Combine(scratch, "bin"), "--add-source", Path.Combine(scratch, "feed"), "Sync.Cli");

            var version = await Run(Path.Combine(scratch, "bin", "sync-cli"), CliProcess.RepoRoot, "--version");
            var summary = await Run(Path.Combine(scratch, "bin", "sync-cli"), CliProcess.RepoRoot, "eventlog", "summarize", "samples/eventlogs/application_1538416563558_0014", "-o", "json");

            Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
            Assert.Contains("\"application_1538416563558_0014\"", summary);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static Task<string> Dotnet(string directory, params string[] args) => Run("dotnet", directory, args);

    private static async Task<string> Run(string program, string directory, params string[] args)
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunProgramAsync(program, directory, args);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', args)} failed ({exitCode}): {stdout}\n{stderr}");
        return stdout;
    }
}
