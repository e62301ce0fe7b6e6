using System.Text;
using System.Text.Json.Nodes;

namespace Sync.AwsEmr.Tests.Loop;

/// <summary>
/// Sits in front of moto (optionally in front of a <see cref="Sync.Tests.Support.FaultInjectingHandler"/>) and
/// rewrites moto's real answer to one EMR operation, for what moto cannot produce by itself, such as a cluster that
/// terminated with errors. Everything else passes unchanged.
/// </summary>
internal sealed class RewritingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, Action<JsonObject>> _rewrites = new(StringComparer.Ordinal);

    public RewritingHandler()
        : this(new SocketsHttpHandler())
    {
    }

    /// <summary>Changes every answer of <paramref name="operation"/> with <paramref name="rewrite"/>.</summary>
    public RewritingHandler Rewrite(string operation, Action<JsonObject> rewrite)
    {
        _rewrites[operation] = rewrite;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        if (!response.IsSuccessStatusCode || !_rewrites.TryGetValue(operation, out var rewrite))
        {
            return response;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        rewrite(body);
        var rewritten = new HttpResponseMessage(response.StatusCode) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };
        foreach (var header in response.Headers)
        {
            rewritten.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Dispose();
        return rewritten;
    }
}
