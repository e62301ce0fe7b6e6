
namespace Sync.Cli.Tests;

/// <summary><c>sync-cli predictions report --html</c>: the page written, then opened in a real headless Chromium.</summary>
public class PredictionReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TheReportOpensInAHeadlessBrowserWithItsChartsAndNoConsoleErrors()
    {
        var dir = Directory.CreateTempSubdirectory("sync-report-");
        try
        {
            var html = Path.Combine(dir.FullName, "prediction.html");
            var (exit, _, error) = await CliProcess.RunAsync(
                "predictions", "report", "--event-log", "samples/eventlogs/databricks-9.1-m5.4xlarge.zip",
                "--report", "samples/reports/databricks-m5-4xlarge-4-workers.json", "--sla", "6m", "--html", html);
            Assert.True(exit == 0, error);
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");

            var screenshot = Path.Combine(dir.FullName, "prediction.png");
            var (shotExit, _, shotLog) = await RunChromiumAsync(dir.FullName, $"--screenshot={screenshot}", "--window-size=900,2200", new Uri(html).AbsoluteUri);
            var (domExit, dom, domLog) = await RunChromiumAsync(dir.FullName, "--dump-dom", new Uri(html).AbsoluteUri);

            Assert.True(shotExit == 0, shotLog);
            Assert.True(domExit == 0, domLog);
            Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is (nearly) empty");
            Assert.Contains("<svg id=\"cost-runtime\"", dom);
            Assert.Contains("<svg id=\"run-timeline\"", dom);
            Assert.Contains("class=\"front\"", dom);
            Assert.Contains("data-solution=\"within-deadline\"", dom);
            Assert.DoesNotContain("CONSOLE", shotLog + domLog);
            Assert.DoesNotContain("Failed to load resource", shotLog + domLog);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunChromiumAsync(string profileParent, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("sync-chromium-");
        try
        {
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}",
            ];
            return await CliProcess.RunProgramAsync(Chromium, profileParent, [.. flags, .. args]);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
