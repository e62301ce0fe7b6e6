using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sync.Cli.Tests.Configuration;

/// <summary><c>sync-cli serve --create-key</c> as a real process, then <c>doctor</c> against it with the printed key.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly SyncHomeCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Serve_prints_a_key_once_that_doctor_then_finds_valid()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _cli.Home };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "sync-cli.dll"), "serve", "--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(_cli.Home, "server"), "--create-key"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SYNC_HOME"] = _cli.Home;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(match.Groups[1].Value);
            }
        };
        server.BeginOutputReadLine();
        try
        {
            var url = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            var key = JsonDocument.Parse(output.Single(line => line.StartsWith("{\"tenant_id\"", StringComparison.Ordinal))).RootElement;
            _cli.Environment["SYNC_API_URL"] = url;
            _cli.Environment["SYNC_API_KEY_ID"] = key.GetProperty("api_key_id").GetString()!;
            _cli.Environment["SYNC_API_KEY_SECRET"] = key.GetProperty("api_key_secret").GetString()!;

            var (exit, stdout, stderr) = await _cli.RunAsync(null, "doctor");

            Assert.True(exit == 0, stdout + stderr);
            Assert.Matches(@"OK\s+api\s+http://127\.0\.0\.1:\d+/ is reachable", stdout);
            Assert.Matches(@"OK\s+api-key\s+API key \w+ is valid", stdout);
            var secret = key.GetProperty("api_key_secret").GetString()!;
            Assert.Single(output, line => line.Contains(secret));
            Assert.DoesNotContain(secret, stdout);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[0-9.]+:[0-9]+)")]
    private static partial Regex Listening();
}
