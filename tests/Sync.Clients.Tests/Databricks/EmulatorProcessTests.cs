using System.Diagnostics;
using Sync.Clients.Databricks;

namespace Sync.Clients.Tests.Databricks;

public sealed class EmulatorProcessTests
{
    [Fact]
    public async Task The_emulator_runs_as_a_process_on_a_loopback_port_and_prints_its_url()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Sync.Databricks.Emulator.dll");
        Assert.True(File.Exists(dll), dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", "http://127.0.0.1:0", "--token", "dapi-process-token", "--manual-clock" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            Assert.StartsWith("Databricks emulator listening on http://127.0.0.1:", line, StringComparison.Ordinal);
            var url = new Uri(line["Databricks emulator listening on ".Length..] + "/");

            using var client = new DatabricksRestClient(new DatabricksCredentials(url, "dapi-process-token", "test"));
            Assert.Contains(await client.ListNodeTypesAsync(), t => t.NodeTypeId == "m5.xlarge");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
