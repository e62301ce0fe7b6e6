using System.Collections.Concurrent;

namespace Sync.Tests.Support;

/// <summary>Passes requests on to a real socket handler and records each one's <c>X-Amz-Target</c> and body.</summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(string Target, string Body)> Requests { get; } = new();

    public int Count(string operation) => Requests.Count(r => r.Target.EndsWith("." + operation, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((target, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
