using System.Diagnostics;

namespace Sync.Cli.Tests;

/// <summary>Runs the built <c>sync-cli</c> as a real child process and captures its exit code, stdout and stderr.</summary>
public static class CliProcess
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The Sync directory (<c>SYNC_HOME</c>) every CLI process of this test run gets: a fresh temporary one, never the user's.</summary>
    public static string SyncHome { get; } = Path.Combine(Path.GetTempPath(), "sync-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Runs the built sync-cli from the repository root.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        RunProgramAsync("dotnet", RepoRoot, [Path.Combine(AppContext.BaseDirectory, "sync-cli.dll"), .. args]);

    /// <summary>Runs the built sync-cli with <c>SYNC_HOME</c> set to <paramref name="syncHome"/>.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunInHomeAsync(string syncHome, params string[] args) =>
        RunProgramAsync("dotnet", RepoRoot, new Dictionary<string, string> { ["SYNC_HOME"] = syncHome }, [Path.Combine(AppContext.BaseDirectory, "sync-cli.dll"), .. args]);

    /// <summary>Runs the built sync-cli from the repository root with environment variables set (a <see langword="null"/> value removes one).</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunCoreAsync("dotnet", RepoRoot, environment, [Path.Combine(AppContext.BaseDirectory, "sync-cli.dll"), .. args]);

    /// <summary>Runs any program in <paramref name="directory"/>, waiting at most two minutes.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunProgramAsync(string program, string directory, params string[] args) =>
        RunCoreAsync(program, directory, new Dictionary<string, string?>(), args);

    /// <summary>Runs any program in <paramref name="directory"/> with extra environment variables, waiting at most two minutes.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunProgramAsync(string program, string directory, IReadOnlyDictionary<string, string> environment,
        params string[] args) =>
        RunCoreAsync(program, directory, environment.ToDictionary(e => e.Key, e => (string?)e.Value), args);

    /// <summary>Runs any program in <paramref name="directory"/>, waiting at most <paramref name="timeout"/>.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunProgramAsync(string program, string directory, TimeSpan timeout, params string[] args) =>
        RunCoreAsync(program, directory, new Dictionary<string, string?>(), args, timeout);

    private static async Task<(int ExitCode, string Out, string Error)> RunCoreAsync(string program, string directory, IReadOnlyDictionary<string, string?> environment, string[] args,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.Environment["SYNC_HOME"] = SyncHome;
        // Archives the child unpacks go to a folder of its own, not among the shared temporary folders other tests count.
        start.Environment["TMPDIR"] = Directory.CreateDirectory(Path.Combine(SyncHome, "tmp")).FullName;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Sync.sln not found above " + AppContext.BaseDirectory);
    }
}
