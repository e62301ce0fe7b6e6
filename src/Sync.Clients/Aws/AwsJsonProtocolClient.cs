using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using Sync.Clients.Aws.Signing;

namespace Sync.Clients.Aws;

/// <summary>
/// Calls an AWS service that speaks the JSON 1.1 protocol: <c>POST /</c> with
/// <c>Content-Type: application/x-amz-json-1.1</c> and <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>, signed with
/// <see cref="SigV4Signer"/>, retried by <see cref="AwsRetryPolicy"/>. Errors come back as
/// <see cref="AwsServiceException"/> or <see cref="AwsNetworkException"/>.
/// </summary>
internal sealed class AwsJsonProtocolClient : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly AwsJsonServiceDescription _service;
    private readonly AWSCredentials _credentials;
    private readonly AwsRetryPolicy _retry;
    private readonly HttpClient _http;
    private readonly Action<string>? _log;

    /// <summary>Creates the client.</summary>
    /// <param name="service">The service's names.</param>
    /// <param name="endpoint">The endpoint (the service URL of an emulator, or the regional AWS endpoint).</param>
    /// <param name="region">The region requests are signed for.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="retry">The retry settings.</param>
    /// <param name="transport">The HTTP handler, or <see langword="null"/> for the default one.</param>
    /// <param name="log">Receives one line per retried attempt, or <see langword="null"/>.</param>
    public AwsJsonProtocolClient(AwsJsonServiceDescription service, Uri endpoint, string region, AWSCredentials credentials,
        AwsRetryOptions retry, HttpMessageHandler? transport, Action<string>? log)
    {
        _service = service;
        Endpoint = endpoint;
        Region = region;
        _credentials = credentials;
        _retry = new AwsRetryPolicy(retry);
        _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _log = log;
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    /// <summary>Calls <paramref name="operation"/> with <paramref name="input"/> and reads the answer as <typeparamref name="TOut"/>.</summary>
    /// <typeparam name="TIn">The input shape.</typeparam>
    /// <typeparam name="TOut">The output shape.</typeparam>
    /// <param name="operation">The operation name, e.g. <c>DescribeCluster</c>.</param>
    /// <param name="input">The input.</param>
    /// <param name="options">How to (de)serialise the shapes.</param>
    /// <param name="cancellationToken">Cancels the call, including waits between attempts.</param>
    /// <param name="idempotent">
    /// Whether repeating the call is harmless. When it is not (<c>RunJobFlow</c> starts a cluster each time), only
    /// answers that say the call was not done (throttling) and failures to connect are retried, never a connection lost
    /// after sending or a 5xx, which may have started the work.
    /// </param>
    public async Task<TOut> SendAsync<TIn, TOut>(string operation, TIn input, JsonSerializerOptions options, CancellationToken cancellationToken, bool idempotent = true)
        where TOut : new()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, options);
        var text = await SendRawAsync(operation, body, idempotent, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TOut();
        }

        try
        {
            return JsonSerializer.Deserialize<TOut>(text, options) ?? new TOut();
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(_service.Name, operation, HttpStatusCode.OK, "UnreadableResponse",
                $"the answer is not a valid {typeof(TOut).Name}: {e.Message}", null, 1);
        }
    }

    /// <summary>Calls <paramref name="operation"/> with a JSON body and returns the answer's text.</summary>
    /// <param name="operation">The operation name.</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="idempotent">Whether repeating the call is harmless (see <see cref="SendAsync{TIn, TOut}"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<string> SendRawAsync(string operation, byte[] body, bool idempotent, CancellationToken cancellationToken)
    {
        Exception? lastTransportError = null;
        var lastTimedOut = false;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var credentials = await AwsEnvironment.CurrentAsync(_credentials, cancellationToken).ConfigureAwait(false);
            using var request = BuildRequest(operation, body, credentials);
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_retry.AttemptTimeout);
            string? retryReason;
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(attemptTimeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                var (code, message) = AwsErrorBody.Read(text, response);
                var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
                var retryable = idempotent ? AwsRetryPolicy.IsRetryable(response.StatusCode, code) : AwsRetryPolicy.IsThrottlingCode(code) || response.StatusCode == HttpStatusCode.TooManyRequests;
                if (!retryable || attempt >= _retry.MaxAttempts)
                {
                    throw new AwsServiceException(_service.Name, operation, response.StatusCode, code, message, requestId, attempt);
                }

                retryReason = $"{code}, HTTP {(int)response.StatusCode}";
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                lastTransportError = e;
                lastTimedOut = true;
                retryReason = $"no answer within {_retry.AttemptTimeout.TotalSeconds:0.###} s";
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                lastTransportError = e;
                lastTimedOut = false;
                retryReason = e.Message;
            }

            var mayHaveRun = !idempotent && lastTransportError is not null && !NeverSent(lastTransportError);
            if (lastTransportError is not null && (attempt >= _retry.MaxAttempts || mayHaveRun))
            {
                throw new AwsNetworkException(
                    $"{_service.Name} {operation} at {Endpoint} failed after {attempt} attempt{(attempt == 1 ? "" : "s")}: {retryReason}"
                    + (mayHaveRun ? $" (not retried: the request may have reached {_service.Name}; check before repeating it)" : ""),
                    lastTimedOut, attempt, lastTransportError);
            }

            var delay = _retry.DelayAfter(attempt);
            _log?.Invoke($"{_service.Name} {operation}: attempt {attempt} of {_retry.MaxAttempts} failed ({retryReason}); retrying in {delay.TotalMilliseconds:0} ms");
            lastTransportError = null;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static bool NeverSent(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private HttpRequestMessage BuildRequest(string operation, byte[] body, ImmutableCredentials credentials)
    {
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.UtcDateTime.ToString(SigV4Signer.AmzDateFormat, System.Globalization.CultureInfo.InvariantCulture);
        var target = $"{_service.TargetPrefix}.{operation}";
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", Endpoint.Authority),
            new("content-type", JsonContentType.ToString()),
            new("x-amz-date", amzDate),
            new("x-amz-target", target),
        };
        if (credentials.UseToken)
        {
            headers.Add(new("x-amz-security-token", credentials.Token));
        }

        var signature = SigV4Signer.Sign("POST", Endpoint, headers, body,
            new SigV4Scope(credentials.AccessKey, credentials.SecretKey, Region, _service.SigningName, now));

        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return request;
    }
}
