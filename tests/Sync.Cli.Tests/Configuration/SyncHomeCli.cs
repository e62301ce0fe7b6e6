using System.Diagnostics;

namespace Sync.Cli.Tests.Configuration;

/// <summary>Runs the built sync-cli as a real process with its own temporary Sync directory (SYNC_HOME) and optional stdin.</summary>
public sealed class SyncHomeCli : IDisposable
{
    private static readonly string[] SyncVariables =
    [
        "SYNC_API_URL", "SYNC_API_KEY_ID", "SYNC_API_KEY_SECRET", "SYNC_PROJECT_ID", "SYNC_PREFERENCE",
        "AWS_REGION", "AWS_PROFILE", "DATABRICKS_HOST", "DATABRICKS_CONFIG_PROFILE",
    ];

    public string Home { get; } = Directory.CreateTempSubdirectory("sync-home-").FullName;

    /// <summary>Extra environment variables for every run.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public void Dispose() => Directory.Delete(Home, recursive: true);

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = CliProcess.RepoRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sync-cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in SyncVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["SYNC_HOME"] = Home;
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
