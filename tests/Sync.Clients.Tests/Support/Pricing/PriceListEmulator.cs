using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sync.Tests.Support.Pricing;

/// <summary>
/// An emulator of the AWS Price List Query API's <c>GetProducts</c> (AWS JSON 1.1) on a loopback port, for tests: no
/// emulator of this API exists (moto has none). It checks what AWS checks first — <c>POST /</c>, content type
/// <c>application/x-amz-json-1.1</c>, <c>X-Amz-Target: AWSPriceListService.GetProducts</c>, a SigV4
/// <c>Authorization</c> header whose credential scope names service <c>pricing</c> and region <c>us-east-1</c> — applies
/// <c>TERM_MATCH</c> filters, pages with <c>MaxResults</c> (1–100, default 100) and an opaque <c>NextToken</c> bound to
/// the query, and answers with <c>PriceList</c> strings built by <see cref="PriceListData"/> from the real price data.
/// Errors have AWS JSON 1.1 bodies (<c>__type</c>, <c>message</c>): <c>AccessDeniedException</c> for access keys in
/// <see cref="DeniedAccessKeys"/>, <c>ThrottlingException</c> for the next <see cref="ThrottleNext"/> requests,
/// <c>InvalidParameterException</c>, <c>InvalidNextTokenException</c>, <c>NotFoundException</c> (unknown service code).
/// Simplified: the signature itself is not verified (only its scope; the signer is tested against AWS's SigV4 vectors),
/// filter types other than <c>TERM_MATCH</c> are refused, and only <c>AmazonEC2</c> and <c>ElasticMapReduce</c> exist.
/// </summary>
public sealed partial class PriceListEmulator : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _throttle;

    /// <summary>Starts the emulator on a free loopback port over <paramref name="data"/>.</summary>
    public PriceListEmulator(PriceListData data)
    {
        Data = data;
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                Endpoint = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The emulator's URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The products served; change prices through it.</summary>
    public PriceListData Data { get; }

    /// <summary>Access key ids answered with <c>AccessDeniedException</c> (no <c>pricing:GetProducts</c>).</summary>
    public ConcurrentDictionary<string, bool> DeniedAccessKeys { get; } = new();

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Answers the next <paramref name="count"/> requests with <c>ThrottlingException</c>.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttle, count);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var (status, body) = Answer(context.Request);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.AddHeader("x-amzn-RequestId", Guid.NewGuid().ToString());
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
        }
    }

    private (HttpStatusCode, JsonNode) Answer(HttpListenerRequest http)
    {
        string text;
        using (var reader = new StreamReader(http.InputStream, Encoding.UTF8))
        {
            text = reader.ReadToEnd();
        }

        var target = http.Headers["X-Amz-Target"];
        var scope = ScopePattern().Match(http.Headers["Authorization"] ?? "");
        JsonObject? input = null;
        try
        {
            input = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        var request = new Request(target, scope.Success ? scope.Groups["service"].Value : null, scope.Success ? scope.Groups["key"].Value : null,
            input?["ServiceCode"]?.GetValue<string>(),
            input?["Filters"] is JsonArray filters ? [.. filters.OfType<JsonObject>().Select(f => (f["Field"]?.GetValue<string>() ?? "", f["Value"]?.GetValue<string>() ?? ""))] : [],
            input?["NextToken"]?.GetValue<string>());
        Requests.Enqueue(request);

        if (http.HttpMethod != "POST" || http.Url?.AbsolutePath != "/")
        {
            return Error(HttpStatusCode.NotFound, "UnknownOperationException", "Only POST / is served.");
        }

        if (!(http.ContentType ?? "").StartsWith("application/x-amz-json-1.1", StringComparison.Ordinal))
        {
            return Error(HttpStatusCode.BadRequest, "SerializationException", "Content-Type must be application/x-amz-json-1.1.");
        }

        if (!scope.Success || http.Headers["X-Amz-Date"] is null)
        {
            return Error(HttpStatusCode.BadRequest, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (scope.Groups["service"].Value != "pricing" || scope.Groups["region"].Value != "us-east-1")
        {
            return Error(HttpStatusCode.Forbidden, "InvalidSignatureException",
                $"Credential should be scoped to correct service and region: 'pricing', 'us-east-1' (got '{scope.Groups["service"].Value}', '{scope.Groups["region"].Value}').");
        }

        if (target != "AWSPriceListService.GetProducts")
        {
            return Error(HttpStatusCode.BadRequest, "UnknownOperationException", $"Unknown operation {target}.");
        }

        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            return Error(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");
        }

        if (DeniedAccessKeys.ContainsKey(scope.Groups["key"].Value))
        {
            return Error(HttpStatusCode.BadRequest, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/emulated is not authorized to perform: pricing:GetProducts because no identity-based policy allows the pricing:GetProducts action");
        }

        if (input is null || string.IsNullOrEmpty(request.ServiceCode))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidParameterException", "ServiceCode is required.");
        }

        if (input["Filters"] is JsonArray given && given.OfType<JsonObject>().Any(f => f["Type"]?.GetValue<string>() != "TERM_MATCH"))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidParameterException", "This emulator supports filters of type TERM_MATCH only.");
        }

        var pageSize = input["MaxResults"]?.GetValue<int>() ?? 100;
        if (pageSize is < 1 or > 100)
        {
            return Error(HttpStatusCode.BadRequest, "InvalidParameterException", "MaxResults must be between 1 and 100.");
        }

        var products = Data.Products(request.ServiceCode);
        if (products is null)
        {
            return Error(HttpStatusCode.BadRequest, "NotFoundException", $"Service code {request.ServiceCode} was not found.");
        }

        var query = string.Join('&', [request.ServiceCode, .. request.Filters.Select(f => $"{f.Field}={f.Value}".ToLowerInvariant()).Order(StringComparer.Ordinal)]);
        var offset = 0;
        if (request.NextToken is { } token && !TryReadToken(token, query, out offset))
        {
            return Error(HttpStatusCode.BadRequest, "InvalidNextTokenException", "The pagination token is invalid.");
        }

        var matching = products.Where(p => request.Filters.All(f => string.Equals(p.Field(f.Field), f.Value, StringComparison.OrdinalIgnoreCase))).ToList();
        var page = matching.Skip(offset).Take(pageSize).Select(p => (JsonNode?)JsonValue.Create(p.ToPriceListEntry(Data.PublicationDate))).ToArray();
        var output = new JsonObject { ["FormatVersion"] = "aws_v1", ["PriceList"] = new JsonArray(page) };
        if (offset + pageSize < matching.Count)
        {
            output["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset + pageSize}|{query}"));
        }

        return (HttpStatusCode.OK, output);
    }

    private static bool TryReadToken(string token, string query, out int offset)
    {
        offset = 0;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 2);
            return parts.Length == 2 && parts[1] == query && int.TryParse(parts[0], out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static (HttpStatusCode, JsonNode) Error(HttpStatusCode status, string type, string message) =>
        (status, new JsonObject { ["__type"] = type, ["message"] = message });

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=[^,]+, ?Signature=[0-9a-f]{64}$")]
    private static partial Regex ScopePattern();

    /// <summary>One request as the emulator saw it.</summary>
    /// <param name="Target">The <c>X-Amz-Target</c> header.</param>
    /// <param name="ScopeService">The service of the signature's credential scope.</param>
    /// <param name="AccessKeyId">The access key id of the scope.</param>
    /// <param name="ServiceCode">The request's <c>ServiceCode</c>.</param>
    /// <param name="Filters">The request's filters (field, value).</param>
    /// <param name="NextToken">The request's <c>NextToken</c>.</param>
    public sealed record Request(string? Target, string? ScopeService, string? AccessKeyId, string? ServiceCode, IReadOnlyList<(string Field, string Value)> Filters, string? NextToken);
}
