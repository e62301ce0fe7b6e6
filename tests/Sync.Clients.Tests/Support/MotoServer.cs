using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Sync.Tests.Support;

/// <summary>
/// A real <c>moto_server</c> process (S3 and EMR emulator speaking the AWS wire protocols) on a free loopback port,
/// started once per test collection and killed on dispose. <c>.ci/run</c> installs moto when it is missing.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public MotoServer()
    {
        var executable = FindOnPath("moto_server")
            ?? throw new InvalidOperationException(
                "moto_server is not on PATH. Install it with: pip install 'moto[server]==5.2.1' (.ci/run does this).");
        Port = FreePort();
        Url = new Uri($"http://127.0.0.1:{Port}/");
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilAnswering();
    }

    /// <summary>The port moto listens on.</summary>
    public int Port { get; }

    /// <summary>The service URL for every emulated service.</summary>
    public Uri Url { get; }

    /// <summary>Credentials moto accepts (any are accepted; these are recognisable so tests can look for leaks).</summary>
    public static SessionAWSCredentials Credentials { get; } =
        new("AKIAMOTOTESTACCESSKEY", "mOtO/SeCrEt+AccessKey0123456789abcdefXYZ", "MoToSeSsIoNtOkEn//Z2VoZWlt+c2Vzc2lvbg==");

    /// <summary>Clears every emulated resource.</summary>
    public void Reset()
    {
        using var response = _http.PostAsync(new Uri(Url, "moto-api/reset"), null).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            _http.Dispose();
        }
    }

    private void WaitUntilAnswering()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before answering.");
            }

            try
            {
                using var response = _http.GetAsync(new Uri(Url, "moto-api/data.json")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"moto_server did not answer on {Url} within 60 s.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, name))
        .FirstOrDefault(File.Exists);
}
