using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Clients.Databricks.Models;

namespace Sync.Clients.Databricks;

/// <summary>
/// A small typed client of the Databricks workspace REST API: clusters get/events/list-node-types, Jobs 2.1 one-time
/// runs (submit/get/get-output/cancel/list) and DBFS list/get-status/read/put. Bearer-token auth; 429, 5xx and connection failures
/// are retried (<see cref="DatabricksRetryPolicy"/>, honouring <c>Retry-After</c>); other errors throw
/// <see cref="DatabricksApiException"/>. The token is only ever written into the <c>Authorization</c> header. Methods are
/// virtual so callers can substitute a fake.
/// </summary>
internal class DatabricksRestClient : IDisposable
{
    /// <summary>Largest <c>dbfs/read</c> length the service accepts (1 MB).</summary>
    public const int MaxDbfsReadLength = 1024 * 1024;

    private readonly HttpClient _http;
    private readonly DatabricksCredentials _credentials;
    private readonly DatabricksRestClientOptions _options;

    public DatabricksRestClient(DatabricksCredentials credentials, DatabricksRestClientOptions? options = null)
    {
        _credentials = credentials;
        _options = options ?? new DatabricksRestClientOptions();
        _http = _options.Handler is null
            ? new HttpClient()
            : new HttpClient(_options.Handler, disposeHandler: false);
        _http.BaseAddress = credentials.Host;
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>For substitutes in tests.</summary>
    protected DatabricksRestClient()
    {
        _credentials = new DatabricksCredentials(new Uri("http://127.0.0.1/"), "", "none");
        _options = new DatabricksRestClientOptions();
        _http = new HttpClient();
    }

    public Uri Host => _credentials.Host;

    /// <summary>Where host and token came from (never the token).</summary>
    public string CredentialSource => _credentials.Source;

    // ---- clusters ---------------------------------------------------------------------------------------------

    public virtual async Task<ClusterDetails> GetClusterAsync(string clusterId, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, "api/2.0/clusters/get" + Query(("cluster_id", clusterId)), null, cancellationToken).ConfigureAwait(false);
        return Typed<ClusterDetails>(json) with { Raw = json };
    }

    public virtual async Task<ClusterEventsPage> GetClusterEventsPageAsync(JsonObject request, CancellationToken cancellationToken = default) =>
        Typed<ClusterEventsPage>(await SendAsync(HttpMethod.Post, "api/2.0/clusters/events", request, cancellationToken).ConfigureAwait(false));

    /// <summary>Every event of the query, following <c>next_page</c> until the last page.</summary>
    public virtual async Task<IReadOnlyList<ClusterEvent>> GetClusterEventsAsync(ClusterEventsQuery query, CancellationToken cancellationToken = default)
    {
        var events = new List<ClusterEvent>();
        JsonObject? request = query.ToJson();
        for (var page = 0; request is not null; page++)
        {
            if (page > 10_000)
            {
                throw new DatabricksApiException(200, "PAGINATION_LOOP", "clusters/events kept returning next_page", "POST api/2.0/clusters/events");
            }

            var result = await GetClusterEventsPageAsync(request, cancellationToken).ConfigureAwait(false);
            events.AddRange(result.Events);
            request = result.Events.Count == 0 ? null : result.NextPage;
        }

        return events;
    }

    public virtual async Task<IReadOnlyList<NodeType>> ListNodeTypesAsync(CancellationToken cancellationToken = default) =>
        Typed<NodeTypeList>(await SendAsync(HttpMethod.Get, "api/2.0/clusters/list-node-types", null, cancellationToken).ConfigureAwait(false)).NodeTypes ?? [];

    // ---- jobs runs ---------------------------------------------------------------------------------------------

    /// <summary>Submits a one-time run (body as <see cref="RunSubmission.SingleTask"/> builds it); returns the run id.</summary>
    public virtual async Task<long> SubmitRunAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Post, "api/2.1/jobs/runs/submit", request, cancellationToken).ConfigureAwait(false);
        return json["run_id"]?.GetValue<long>() ?? throw new DatabricksApiException(200, "MALFORMED_RESPONSE", "runs/submit answered without run_id", "POST api/2.1/jobs/runs/submit");
    }

    public virtual async Task<Run> GetRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, "api/2.1/jobs/runs/get" + Query(("run_id", runId.ToString(CultureInfo.InvariantCulture))), null, cancellationToken).ConfigureAwait(false);
        return Typed<Run>(json) with { Raw = json };
    }

    public virtual async Task<RunOutput> GetRunOutputAsync(long runId, CancellationToken cancellationToken = default) =>
        Typed<RunOutput>(await SendAsync(HttpMethod.Get, "api/2.1/jobs/runs/get-output" + Query(("run_id", runId.ToString(CultureInfo.InvariantCulture))), null, cancellationToken).ConfigureAwait(false));

    public virtual Task CancelRunAsync(long runId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/2.1/jobs/runs/cancel", new JsonObject { ["run_id"] = runId }, cancellationToken);

    // ---- DBFS --------------------------------------------------------------------------------------------------

    public virtual async Task<IReadOnlyList<DbfsFileInfo>> DbfsListAsync(string path, CancellationToken cancellationToken = default) =>
        Typed<DbfsListing>(await SendAsync(HttpMethod.Get, "api/2.0/dbfs/list" + Query(("path", DbfsPath(path))), null, cancellationToken).ConfigureAwait(false)).Files ?? [];

    public virtual async Task<DbfsFileInfo> DbfsGetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        Typed<DbfsFileInfo>(await SendAsync(HttpMethod.Get, "api/2.0/dbfs/get-status" + Query(("path", DbfsPath(path))), null, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads up to <paramref name="length"/> (≤ 1 MB) bytes at <paramref name="offset"/>; an empty array at the end of the file.</summary>
    public virtual async Task<byte[]> DbfsReadAsync(string path, long offset, int length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxDbfsReadLength);
        var json = await SendAsync(HttpMethod.Get, "api/2.0/dbfs/read" + Query(
            ("path", DbfsPath(path)), ("offset", offset.ToString(CultureInfo.InvariantCulture)), ("length", length.ToString(CultureInfo.InvariantCulture))), null, cancellationToken).ConfigureAwait(false);
        var result = Typed<DbfsReadResult>(json);
        var bytes = result.Data is null ? [] : Convert.FromBase64String(result.Data);
        if (bytes.Length != result.BytesRead)
        {
            throw new DatabricksApiException(200, "MALFORMED_RESPONSE", $"dbfs/read said bytes_read={result.BytesRead} but sent {bytes.Length} bytes", "GET api/2.0/dbfs/read");
        }

        return bytes;
    }

    /// <summary>
    /// Writes a whole file with <c>dbfs/create</c>, <c>dbfs/add-block</c> (blocks of at most 1 MB) and <c>dbfs/close</c>.
    /// </summary>
    public virtual async Task DbfsPutAsync(string path, ReadOnlyMemory<byte> content, bool overwrite = true, CancellationToken cancellationToken = default)
    {
        var created = await SendAsync(HttpMethod.Post, "api/2.0/dbfs/create",
            new JsonObject { ["path"] = DbfsPath(path), ["overwrite"] = overwrite }, cancellationToken).ConfigureAwait(false);
        var handle = created["handle"]?.GetValue<long>()
            ?? throw new DatabricksApiException(200, "MALFORMED_RESPONSE", "dbfs/create answered without handle", "POST api/2.0/dbfs/create");
        for (var offset = 0; offset < content.Length; offset += MaxDbfsReadLength)
        {
            var block = content.Slice(offset, Math.Min(MaxDbfsReadLength, content.Length - offset));
            await SendAsync(HttpMethod.Post, "api/2.0/dbfs/add-block",
                new JsonObject { ["handle"] = handle, ["data"] = Convert.ToBase64String(block.Span) }, cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(HttpMethod.Post, "api/2.0/dbfs/close", new JsonObject { ["handle"] = handle }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The most recent one-time and job runs (<c>jobs/runs/list</c>); used to check that the Jobs API answers.</summary>
    public virtual async Task<int> ListRunsAsync(int limit, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, "api/2.1/jobs/runs/list" + Query(("limit", limit.ToString(CultureInfo.InvariantCulture))), null, cancellationToken).ConfigureAwait(false);
        return (json["runs"] as JsonArray)?.Count ?? 0;
    }

    /// <summary>A stream that reads a DBFS file from the start in chunks of <paramref name="chunkSize"/> bytes.</summary>
    public virtual Stream OpenDbfsRead(string path, int chunkSize = MaxDbfsReadLength) => new DbfsReadStream(this, DbfsPath(path), chunkSize);

    /// <summary>An absolute DBFS path without the <c>dbfs:</c> scheme (<c>dbfs:/a/b</c> → <c>/a/b</c>).</summary>
    public static string DbfsPath(string path)
    {
        var p = path.StartsWith("dbfs:", StringComparison.OrdinalIgnoreCase) ? path[5..] : path;
        return p.StartsWith('/') ? p : "/" + p;
    }

    // ---- transport ---------------------------------------------------------------------------------------------

    private static string Query(params (string Name, string Value)[] parameters) =>
        "?" + string.Join("&", parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static T Typed<T>(JsonObject json) =>
        json.Deserialize<T>(DatabricksJson.Options) ?? throw new DatabricksApiException(200, "MALFORMED_RESPONSE", $"empty {typeof(T).Name}", typeof(T).Name);

    private async Task<JsonObject> SendAsync(HttpMethod method, string relative, JsonObject? body, CancellationToken cancellationToken)
    {
        var operation = $"{method} /{relative.Split('?')[0]}";
        var bodyText = body?.ToJsonString();
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, relative);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _credentials.Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("sync-dotnet", "0.1"));
            if (bodyText is not null)
            {
                request.Content = new StringContent(bodyText, Encoding.UTF8, "application/json");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException)
            {
                var what = e is OperationCanceledException ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s" : Redact(e.Message);
                if (attempt >= _options.Retry.MaxRetries)
                {
                    throw new DatabricksConnectionException($"{operation}: cannot reach the Databricks workspace {Host} ({what}) after {attempt + 1} attempt(s).", null);
                }

                var delay = _options.Retry.Backoff(attempt);
                _options.Log?.Invoke($"{operation}: {what}; retry {attempt + 1} in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return ParseObject(text, operation, status);
                }

                var (code, message) = ErrorBody(text, response);
                var retriable = status == 429 || status >= 500;
                if (!retriable || attempt >= _options.Retry.MaxRetries)
                {
                    _options.Log?.Invoke($"{operation}: HTTP {status} {code}");
                    throw new DatabricksApiException(status, code, message, operation);
                }

                var delay = RetryAfter(response) is { } after
                    ? TimeSpan.FromTicks(Math.Min(after.Ticks, _options.Retry.MaxRetryAfter.Ticks))
                    : _options.Retry.Backoff(attempt);
                _options.Log?.Invoke($"{operation}: HTTP {status} {code}; retry {attempt + 1} in {delay.TotalMilliseconds:0} ms");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private JsonObject ParseObject(string text, string operation, int status)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject
                   ?? throw new DatabricksApiException(status, "MALFORMED_RESPONSE", "the answer is not a JSON object", operation);
        }
        catch (JsonException e)
        {
            throw new DatabricksApiException(status, "MALFORMED_RESPONSE", $"the answer is not JSON ({e.Message})", operation);
        }
    }

    private (string Code, string Message) ErrorBody(string text, HttpResponseMessage response)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject json)
            {
                // error_code is a string (RESOURCE_DOES_NOT_EXIST) or, for auth failures, a number (403).
                var code = json["error_code"]?.ToString() ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                var message = json["message"]?.ToString() ?? json["error"]?.ToString() ?? response.ReasonPhrase ?? "";
                return (Redact(code), Redact(message));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): fall through.
        }

        var reason = response.Headers.TryGetValues("X-Databricks-Reason-Phrase", out var values) ? values.First() : response.ReasonPhrase ?? "";
        return (((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), Redact(reason));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Removes the token from text that came from elsewhere (a service message, an exception).</summary>
    private string Redact(string text) =>
        _credentials.Token.Length == 0 ? text : text.Replace(_credentials.Token, "***", StringComparison.Ordinal);

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
