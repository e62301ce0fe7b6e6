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

    private readonly string[] _databaseArgs;

    private ServerProcess(Process process, string dataDirectory, string[] databaseArgs)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _databaseArgs = databaseArgs;
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
        string[] databaseArgs = postgresConnectionString is null
            ? ["--data-dir", dataDirectory]
            : ["--data-dir", dataDirectory, "--db-provider", "PostgreSql", "--database", postgresConnectionString];
        Prepare(start, dataDirectory, ["--urls", "http://127.0.0.1:0", .. databaseArgs, .. extraArgs]);
        var server = new ServerProcess(Process.Start(start)!, dataDirectory, databaseArgs);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server._process.EnableRaisingEvents = true;
        server._process.Exited += (_, _) => server._listening.TrySetException(new InvalidOperationException("The server exited early:\n" + server.Log));

        server.BaseAddress = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Creates an API key for <paramref name="tenant"/> with the server program's <c>create-key</c> command.</summary>
    public async Task<(string KeyId, string Secret)> CreateKeyAsync(string tenant)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = DataDirectory };
        Prepare(start, DataDirectory, ["create-key", "--tenant", tenant, .. _databaseArgs]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(process.ExitCode == 0, await stderr);
        var key = System.Text.Json.JsonDocument.Parse(await stdout).RootElement;
        Assert.Equal(tenant, key.GetProperty("tenant_id").GetString());
        return (key.GetProperty("api_key_id").GetString()!, key.GetProperty("api_key_secret").GetString()!);
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

    private static void Prepare(ProcessStartInfo start, string dataDirectory, string[] args)
    {
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Sync.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Sync__TokenSigningSecret"] = SigningSecret;
        start.Environment["Sync__AllowLocalEventLogs"] = "true";
        start.Environment["SYNC_HOME"] = dataDirectory;
        start.Environment.Remove("ASPNETCORE_URLS");
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
