using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Sync.Tests.Support;

/// <summary>
/// Sits between a client and moto_server and, per AWS operation (<c>X-Amz-Target</c> suffix or S3-less path), plays
/// scripted <see cref="Fault"/>s before letting requests through: throttling, 5xx, slow answers, dropped connections,
/// or a canned answer for what moto does not implement. Unscripted requests go to moto unchanged.
/// </summary>
public sealed class FaultInjectingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _script = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);

    /// <summary>Every request seen, by operation, in order.</summary>
    public ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>Plays <paramref name="faults"/> on the next requests of <paramref name="operation"/>, one per request.</summary>
    public FaultInjectingHandler On(string operation, params Fault[] faults)
    {
        var queue = _script.GetOrAdd(operation, _ => new ConcurrentQueue<Fault>());
        foreach (var fault in faults)
        {
            queue.Enqueue(fault);
        }

        return this;
    }

    /// <summary>Answers every request of <paramref name="operation"/> with <paramref name="json"/> (HTTP 200) instead of moto.</summary>
    public FaultInjectingHandler Answer(string operation, string json)
    {
        _answers[operation] = json;
        return this;
    }

    public int Count(string operation) => Seen.Count(s => s == operation);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : request.Method + " " + request.RequestUri!.AbsolutePath;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        Seen.Enqueue(operation);

        if (_script.TryGetValue(operation, out var queue) && queue.TryDequeue(out var fault))
        {
            switch (fault.Kind)
            {
                case FaultKind.Error:
                    return Json(fault.Status, $"{{\"__type\":\"com.amazonaws.elasticmapreduce#{fault.ErrorType}\",\"message\":\"injected {fault.ErrorType}\"}}");
                case FaultKind.Delay:
                    await Task.Delay(fault.Delay, cancellationToken);
                    break;
                case FaultKind.DropAfterSending:
                    using (await base.SendAsync(request, cancellationToken))
                    {
                        throw new HttpRequestException("injected: the connection was reset before the answer arrived",
                            new IOException("Connection reset by peer"));
                    }

                case FaultKind.Refuse:
                    throw new HttpRequestException(HttpRequestError.ConnectionError, "injected: connection refused", new IOException("Connection refused"));
            }
        }

        if (_answers.TryGetValue(operation, out var answer))
        {
            return Json(HttpStatusCode.OK, answer);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1") };
        response.Headers.Add("x-amzn-RequestId", "injected-" + Guid.NewGuid().ToString("N")[..8]);
        return response;
    }
}

public enum FaultKind
{
    Error,
    Delay,
    DropAfterSending,
    Refuse,
}

/// <summary>One scripted misbehaviour of <see cref="FaultInjectingHandler"/>.</summary>
public sealed record Fault(FaultKind Kind, HttpStatusCode Status = HttpStatusCode.OK, string ErrorType = "", TimeSpan Delay = default)
{
    public static Fault Throttling => new(FaultKind.Error, HttpStatusCode.BadRequest, "ThrottlingException");

    public static Fault TooManyRequests => new(FaultKind.Error, HttpStatusCode.TooManyRequests, "TooManyRequestsException");

    public static Fault InternalError => new(FaultKind.Error, HttpStatusCode.InternalServerError, "InternalServerError");

    public static Fault Unavailable => new(FaultKind.Error, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");

    public static Fault AccessDenied => new(FaultKind.Error, HttpStatusCode.BadRequest, "AccessDeniedException");

    public static Fault Dropped => new(FaultKind.DropAfterSending);

    public static Fault Refused => new(FaultKind.Refuse);

    public static Fault Slow(TimeSpan delay) => new(FaultKind.Delay, Delay: delay);
}
