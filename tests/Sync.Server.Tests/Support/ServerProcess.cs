using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Sync.Server.Tests.Support;

/// <summary>
/// A real Sync server process (<c>dotnet Sync.Server.dll</c>) on a loopback port the OS picks, with a temporary data
/// directory and SQLite file (or the PostgreSQL database given); its standard output (the JSON log) is captured.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>The token signing secret the test servers use, so tests can mint tokens of their own.</summary>
    public const string SigningSecret = "test-signing-secret-0123456789abcdef0123456789";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    /// <summary>The server's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server's data directory (deleted on dispose).</summary>
    public string DataDirectory { get; }

    /// <summary>Everything the server has logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>An HTTP client for the server.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts a server and waits until it listens.</summary>
    /// <param name="postgresConnectionString">A PostgreSQL database to use instead of a temporary SQLite file.</param>
    /// <param name="extraArgs">More command-line arguments.</param>
    public static async Task<ServerProcess> StartAsync(string? postgresConnectionString = null, params string[] extraArgs)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("sync-server-test-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sync.Server.dll"));
        foreach (var arg in (string[])["--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory, .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        if (postgresConnectionString is not null)
        {
            start.ArgumentList.Add("--db-provider");
            start.ArgumentList.Add("PostgreSql");
            start.ArgumentList.Add("--database");
            start.ArgumentList.Add(postgresConnectionString);
        }

        start.Environment["Sync__TokenSigningSecret"] = SigningSecret;
        start.Environment["SYNC_HOME"] = dataDirectory;
        start.Environment.Remove("ASPNETCORE_URLS");
        var server = new ServerProcess(Process.Start(start)!, dataDirectory);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.EnableRaisingEvents = true;
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("The server exited early:\n" + server.Log));

        server.BaseAddress = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Stops the server and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp directory is cleaned later by the OS.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ListeningLine();
}
