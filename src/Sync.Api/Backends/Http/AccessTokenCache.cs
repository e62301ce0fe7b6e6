using System.Net;
using System.Net.Http.Json;
using Sync.Service.Contract;

namespace Sync.Api.Backends.Http;

/// <summary>
/// Exchanges the API key for a bearer token at <c>POST /v1/auth/token</c> and keeps it, exchanging again shortly
/// before it expires (or when the server refuses it). The secret is sent only in that request's body.
/// </summary>
internal sealed class AccessTokenCache(HttpClient http, Uri baseAddress, string? keyId, string? secret, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private AuthTokenDto? _token;
    private DateTimeOffset _issuedAt;

    /// <summary>How many exchanges were made (for tests of the refresh).</summary>
    public int Exchanges { get; private set; }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_token) is { } token)
        {
            return token;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_token) is { } again)
            {
                return again;
            }

            _token = await ExchangeAsync(cancellationToken);
            _issuedAt = clock.GetUtcNow();
            return _token.AccessToken;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Forgets a token the server refused, so that the next call exchanges the key again.</summary>
    public void Invalidate(string refused)
    {
        if (_token?.AccessToken == refused)
        {
            _token = null;
        }
    }

    private string? Fresh(AuthTokenDto? token)
    {
        if (token is null)
        {
            return null;
        }

        var lifetime = token.ExpiresAtUtc - _issuedAt;
        var margin = TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(60).Ticks));
        return clock.GetUtcNow() < token.ExpiresAtUtc - margin ? token.AccessToken : null;
    }

    private async Task<AuthTokenDto> ExchangeAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
        {
            throw new SyncErrorException(new SyncError(SyncErrorKind.Authentication, "No API key is configured for the Sync server.",
                "Set the API key id and secret (sync-cli configure, or SYNC_API_KEY_ID and SYNC_API_KEY_SECRET)."));
        }

        Exchanges++;
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, "v1/auth/token"),
            new AuthTokenRequestDto { ApiKeyId = keyId, ApiKeySecret = secret }, ContractJson.Options, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = await HttpBackend.ReadErrorAsync(response, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
            {
                throw new SyncErrorException(new SyncError(SyncErrorKind.Authentication,
                    $"The Sync server refused API key '{keyId}'{(error?.Message is { Length: > 0 } m ? $": {m}" : ".")}",
                    "Check the API key id and secret (sync-cli configure), or create a new key.", error?.Code));
            }

            throw new SyncErrorException(ErrorMapping.FromHttp(response.StatusCode, error, "Exchanging the API key for a token"));
        }

        var token = (await response.Content.ReadFromJsonAsync<ResultEnvelope<AuthTokenDto>>(ContractJson.Options, cancellationToken))?.Result;
        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new SyncErrorException(new SyncError(SyncErrorKind.Service, "The Sync server answered the token request without a token.",
                "Check that the API URL points at a Sync server."));
        }

        return token;
    }

    public void Dispose() => _lock.Dispose();
}
