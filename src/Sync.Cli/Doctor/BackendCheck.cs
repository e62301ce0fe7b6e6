using System.Net.Http.Json;
using System.Text.Json;
using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>
/// The backend works: with a server configured, it answers <c>/health</c> and accepts the API key at
/// <c>POST /v1/auth/token</c>; embedded, the Sync directory is writable and its database opens.
/// </summary>
internal sealed class BackendCheck : IAccessCheck
{
    public string Name => "api";

    public async Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        if (context.Configuration is not { } configuration)
        {
            return [AccessCheckResult.Fail(Name, "Not checked: the configuration could not be read.", "Fix the configuration first (see above).")];
        }

        return configuration.IsEmbedded
            ? [await EmbeddedCheck.RunAsync(context.Store, cancellationToken)]
            : await RemoteAsync(configuration, cancellationToken);
    }

    private async Task<IReadOnlyList<AccessCheckResult>> RemoteAsync(SyncConfiguration configuration, CancellationToken cancellationToken)
    {
        var url = configuration.ApiUrl!;
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(15) };
        try
        {
            using var health = await http.GetAsync("health", cancellationToken);
            if (!health.IsSuccessStatusCode)
            {
                return [AccessCheckResult.Fail(Name, $"{url} answered /health with HTTP {(int)health.StatusCode}.", "Check the URL points at a Sync server (sync-cli serve) and that it is healthy.")];
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [AccessCheckResult.Fail(Name, $"Cannot reach {url}: {e.Message}", $"Start the server (sync-cli serve), fix the URL with 'sync-cli configure --api-url', or set {SyncEnvironmentVariables.ApiUrl}.")];
        }

        var reachable = AccessCheckResult.Ok(Name, $"{url} is reachable.");
        if (string.IsNullOrEmpty(configuration.ApiKeyId) || string.IsNullOrEmpty(configuration.ApiKeySecret))
        {
            return [reachable, AccessCheckResult.Fail("api-key", "No API key id or secret is configured.", $"Run 'sync-cli configure', or set {SyncEnvironmentVariables.ApiKeyId} and {SyncEnvironmentVariables.ApiKeySecret}.")];
        }

        try
        {
            using var token = await http.PostAsJsonAsync("v1/auth/token", new Dictionary<string, string> { ["api_key_id"] = configuration.ApiKeyId, ["api_key_secret"] = configuration.ApiKeySecret }, cancellationToken);
            if (token.IsSuccessStatusCode)
            {
                return [reachable, AccessCheckResult.Ok("api-key", $"API key {configuration.ApiKeyId} is valid.")];
            }

            var message = await ErrorMessageAsync(token, cancellationToken);
            return [reachable, AccessCheckResult.Fail("api-key", $"API key {configuration.ApiKeyId} was refused (HTTP {(int)token.StatusCode}: {message}).", "Check the key id and secret ('sync-cli configure'), or ask for a new key ('sync-cli serve --create-key' on the server).")];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [reachable, AccessCheckResult.Fail("api-key", $"The token request to {url} failed: {e.Message}", "Retry; check the server's log.")];
        }
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.GetProperty("error").GetProperty("message").GetString() ?? "no message";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "not a Sync error answer";
        }
    }
}
