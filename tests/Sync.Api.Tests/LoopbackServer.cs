using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sync.Api.Tests;

/// <summary>
/// A real HTTP server on a free loopback port that answers with a test's handler, and records every request
/// (method, path and query, authorization header, body) so the test can check what the client sent.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<Recorded, (int Status, string Body)> _handler;
    private readonly Task _loop;

    public LoopbackServer(Func<Recorded, (int Status, string Body)> handler)
    {
        _handler = handler;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var recorded = new Recorded(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.Headers["Authorization"],
                context.Request.ContentType, body.ToArray());
            Requests.Enqueue(recorded);
            var (status, text) = _handler(recorded);
            var bytes = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    public sealed record Recorded(string Method, string PathAndQuery, string? Authorization, string? ContentType, byte[] Body)
    {
        public string Path => PathAndQuery.Split('?')[0];

        public string Text => Encoding.UTF8.GetString(Body);
    }
}
