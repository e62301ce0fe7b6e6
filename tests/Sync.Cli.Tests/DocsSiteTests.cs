using System.Text.RegularExpressions;
using Sync.Api;

namespace Sync.Cli.Tests;

/// <summary>
/// The documentation site (docs/docfx.json, built by scripts/docs.sh): it builds with warnings as errors (broken links,
/// unresolved xrefs), its generated references cover every command and endpoint, and the pages that must exist do.
/// </summary>
public partial class DocsSiteTests
{
    private static string Docs => Path.Combine(CliProcess.RepoRoot, "docs");

    [Fact]
    public async Task SiteBuildsWithoutWarningsAndHasItsKeyPages()
    {
        // --no-build: the test run built everything in its configuration; the script reads the Release build.
        string[] args = Packages.Configuration == "Release" ? ["scripts/docs.sh", "--no-build"] : ["scripts/docs.sh"];
        var (exit, stdout, stderr) = await CliProcess.RunProgramAsync("bash", CliProcess.RepoRoot, TimeSpan.FromMinutes(15), args);

        Assert.True(exit == 0, $"scripts/docs.sh failed ({exit}):\n{stdout}\n{stderr}");
        var site = Path.Combine(CliProcess.RepoRoot, "artifacts", "site");
        foreach (var page in new[]
                 {
                     "index.html", "getting-started.html", "projects-and-runs.html", "predictions.html", "accuracy.html",
                     "aws-emr.html", "databricks.html", "cluster-report.html", "server.html", "configuration.html",
                     "troubleshooting.html", "prediction-report.html", "reference/cli/index.html", "reference/http/index.html",
                     "reference/api/Sync.Api.SyncClient.html", "reference/api/Sync.Engine.Reports.PredictionReport.html",
                     "images/prediction-report.png", "openapi/v1.json", "xrefmap.yml",
                 })
        {
            Assert.True(File.Exists(Path.Combine(site, page)), $"{page} is missing from the site");
        }

        // The CLI reference is walked from the tool: every top-level command of the built sync-cli has its page.
        var (_, help, _) = await CliProcess.RunAsync("--help");
        var commands = TopLevelCommands(help);
        Assert.Contains("predictions", commands);
        foreach (var command in commands)
        {
            Assert.True(File.Exists(Path.Combine(site, "reference", "cli", command + ".html")), $"no CLI reference page for sync-cli {command}");
        }

        Assert.Contains("sync-cli predictions report", await File.ReadAllTextAsync(Path.Combine(site, "reference", "cli", "predictions.html")));
        Assert.Contains("/v1/predictions/{predictionId}/report", await File.ReadAllTextAsync(Path.Combine(site, "reference", "http", "index.html")));
    }

    [Fact]
    public void TroubleshootingHasASectionForEveryErrorKind()
    {
        var page = File.ReadAllText(Path.Combine(Docs, "troubleshooting.md"));

        foreach (var kind in Enum.GetNames<SyncErrorKind>())
        {
            Assert.True(page.Contains($"\n### {kind}\n", StringComparison.Ordinal), $"docs/troubleshooting.md has no '### {kind}' section");
        }
    }

    [Fact]
    public void EveryPageIsInTheTableOfContents()
    {
        var toc = File.ReadAllText(Path.Combine(Docs, "toc.yml"));

        foreach (var page in Directory.GetFiles(Docs, "*.md").Select(Path.GetFileName))
        {
            Assert.True(toc.Contains($"href: {page}\n", StringComparison.Ordinal), $"docs/{page} is not in docs/toc.yml");
        }
    }

    private static List<string> TopLevelCommands(string help) =>
        help[help.IndexOf("COMMANDS:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Select(line => CommandLine().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^    (\S+)")]
    private static partial Regex CommandLine();
}
