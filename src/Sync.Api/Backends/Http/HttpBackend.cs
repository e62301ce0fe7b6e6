using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Api.Backends.Http;

/// <summary>
/// The remote backend: the wire contract over HTTP (docs/api.md). Every request but the token exchange carries
/// <c>Authorization: Bearer</c>; bodies are <c>{"result"}</c> / <c>{"error"}</c> envelopes of the <c>Sync.Service.Contract</c> DTOs.
/// </summary>
internal sealed class HttpBackend : ISyncBackend
{
    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly TimeSpan _requestTimeout;

    public HttpBackend(SyncClientOptions options, TimeProvider clock)
    {
        var url = options.ApiUrl!.ToString();
        _base = new Uri(url.EndsWith('/') ? url : url + "/");
        _http = options.Transport is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(options.Transport, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _requestTimeout = options.RequestTimeout;
        Tokens = new AccessTokenCache(_http, _base, options.ApiKeyId, options.ApiKeySecret, clock);
    }

    public bool ReadsLocalPaths => false;

    internal AccessTokenCache Tokens { get; }

    public Task<ProjectDto> CreateProjectAsync(ProjectRequestDto request, CancellationToken cancellationToken) =>
        SendAsync<ProjectDto>(HttpMethod.Post, "v1/projects", request, cancellationToken);

    public Task<ProjectDto> GetProjectAsync(string projectId, CancellationToken cancellationToken) =>
        SendAsync<ProjectDto>(HttpMethod.Get, $"v1/projects/{Escape(projectId)}", null, cancellationToken);

    public async Task<IReadOnlyList<ProjectDto>> ListProjectsAsync(string? appId, CancellationToken cancellationToken) =>
        await SendAsync<List<ProjectDto>>(HttpMethod.Get, "v1/projects" + Query(("app_id", appId)), null, cancellationToken) ?? [];

    public Task<ProjectDto> UpdateProjectAsync(string projectId, ProjectRequestDto request, CancellationToken cancellationToken) =>
        SendAsync<ProjectDto>(HttpMethod.Put, $"v1/projects/{Escape(projectId)}", request, cancellationToken);

    public Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"v1/projects/{Escape(projectId)}", null, cancellationToken);

    public Task<SubmissionDto> CreateRunAsync(string projectId, SubmissionRequestDto request, CancellationToken cancellationToken) =>
        SendAsync<SubmissionDto>(HttpMethod.Post, $"v1/projects/{Escape(projectId)}/submissions", request, cancellationToken);

    public Task<SubmissionDto> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        SendAsync<SubmissionDto>(HttpMethod.Get, $"v1/submissions/{Escape(runId)}", null, cancellationToken);

    public async Task<IReadOnlyList<SubmissionDto>> ListRunsAsync(string projectId, CancellationToken cancellationToken) =>
        await SendAsync<List<SubmissionDto>>(HttpMethod.Get, $"v1/projects/{Escape(projectId)}/submissions", null, cancellationToken) ?? [];

    public Task<PredictionCreatedDto> CreatePredictionAsync(PredictionRequestDto request, CancellationToken cancellationToken) =>
        SendAsync<PredictionCreatedDto>(HttpMethod.Post, "v1/autotuner/predictions", request, cancellationToken);

    public Task<PredictionCreatedDto> GetUploadDetailsAsync(string predictionId, CancellationToken cancellationToken) =>
        SendAsync<PredictionCreatedDto>(HttpMethod.Get, $"v1/autotuner/predictions/{Escape(predictionId)}/upload_details", null, cancellationToken);

    public async Task UploadEventLogAsync(PredictionCreatedDto created, Stream content, string fileName, CancellationToken cancellationToken)
    {
        var details = created.UploadDetails ?? throw new SyncErrorException(new SyncError(SyncErrorKind.Service,
            $"The server gave no upload details for prediction {created.PredictionId}.", "Check that the server is a Sync server of a compatible version."));
        var target = new Uri(_base, details.Url);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in details.Fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new StreamContent(content, 1 << 16);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = form };
        if (target.Host == _base.Host && target.Port == _base.Port)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Tokens.GetAsync(cancellationToken));
        }

        // An upload may take long: only the caller's token limits it.
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SyncErrorException(ErrorMapping.FromHttp(response.StatusCode, await ReadErrorAsync(response, cancellationToken), "Uploading the event log"));
        }
    }

    public Task<PredictionDto> GetPredictionAsync(string predictionId, string? preference, CancellationToken cancellationToken) =>
        SendAsync<PredictionDto>(HttpMethod.Get, $"v1/autotuner/predictions/{Escape(predictionId)}" + Query(("preference", preference)), null, cancellationToken);

    public Task<PredictionStatusDto> GetPredictionStatusAsync(string predictionId, CancellationToken cancellationToken) =>
        SendAsync<PredictionStatusDto>(HttpMethod.Get, $"v1/autotuner/predictions/{Escape(predictionId)}/status", null, cancellationToken);

    public async Task<IReadOnlyList<PredictionDto>> ListPredictionsAsync(PredictionQuery query, CancellationToken cancellationToken)
    {
        var parameters = new List<(string, string?)> { ("project_id", query.ProjectId), ("preference", query.Preference), ("status", query.Status), ("limit", query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        parameters.AddRange((query.Products ?? []).Select(p => ("products", (string?)p)));
        return await SendAsync<List<PredictionDto>>(HttpMethod.Get, "v1/autotuner/predictions" + Query([.. parameters]), null, cancellationToken) ?? [];
    }

    public Task<PredictionStatusDto> RetryPredictionAsync(string predictionId, CancellationToken cancellationToken) =>
        SendAsync<PredictionStatusDto>(HttpMethod.Post, $"v1/autotuner/predictions/{Escape(predictionId)}/retry", null, cancellationToken);

    public Task DeletePredictionAsync(string predictionId, CancellationToken cancellationToken) =>
        SendAsync<JsonElement?>(HttpMethod.Delete, $"v1/autotuner/predictions/{Escape(predictionId)}", null, cancellationToken);

    public Task<string> GetPredictionReportAsync(string predictionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"v1/predictions/{Escape(predictionId)}/report", null, (response, token) => response.Content.ReadAsStringAsync(token), cancellationToken);

    private Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, async (response, token) =>
        {
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return default!;
            }

            var envelope = await response.Content.ReadFromJsonAsync<ResultEnvelope<T>>(ContractJson.Options, token);
            return envelope is null ? default! : envelope.Result!;
        }, cancellationToken);

    /// <summary>Sends a request with the bearer token (exchanged again once on a 401), maps a failure to its error, and reads a success with <paramref name="read"/>.</summary>
    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_requestTimeout);
        for (var attempt = 0; ; attempt++)
        {
            var token = await Tokens.GetAsync(timeout.Token);
            using var request = new HttpRequestMessage(method, new Uri(_base, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: ContractJson.Options);
            }

            using var response = await _http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                // Expired or revoked early: exchange the key again once.
                Tokens.Invalidate(token);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SyncErrorException(ErrorMapping.FromHttp(response.StatusCode, await ReadErrorAsync(response, timeout.Token), $"{method} /{path.Split('?')[0]}"));
            }

            return await read(response, timeout.Token);
        }
    }

    /// <summary>The error envelope of a failed response, or <see langword="null"/> when the body is not one.</summary>
    internal static async Task<ErrorDto?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<ErrorEnvelope>(text, ContractJson.Options)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value!));
        }

        return builder.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Tokens.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
