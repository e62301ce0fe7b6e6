using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Sync.Server.Tests.Support;

/// <summary>
/// A server process with two tenants, each with an API key exchanged for a bearer token, and an HTTP client per
/// tenant. On a temporary SQLite file, or on a PostgreSQL schema when created with one.
/// </summary>
public sealed class TenantServer : IAsyncDisposable
{
    private PostgresDatabase? _postgres;

    public ServerProcess Server { get; private set; } = null!;

    public (string KeyId, string Secret) KeyA { get; private set; }

    public (string KeyId, string Secret) KeyB { get; private set; }

    public string TokenA { get; private set; } = "";

    public HttpClient TenantA { get; private set; } = null!;

    public HttpClient TenantB { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public static async Task<TenantServer> StartAsync(bool postgres = false)
    {
        var server = new TenantServer();
        server._postgres = postgres ? await PostgresDatabase.CreateAsync() : null;
        server.Server = await ServerProcess.StartAsync(server._postgres?.ConnectionString);
        server.Anonymous = server.Server.CreateClient();
        server.KeyA = await server.Server.CreateKeyAsync("tenant-a");
        server.TokenA = await server.TokenAsync(server.KeyA);
        server.TenantA = server.Authorized(server.TokenA);
        server.KeyB = await server.Server.CreateKeyAsync("tenant-b");
        server.TenantB = server.Authorized(await server.TokenAsync(server.KeyB));
        return server;
    }

    public async Task<string> TokenAsync((string KeyId, string Secret) key)
    {
        using var response = await Anonymous.PostAsJsonAsync("v1/auth/token", new { api_key_id = key.KeyId, api_key_secret = key.Secret });
        var result = await response.AssertResultAsync();
        Assert.True(result.GetProperty("expires_at_utc").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        return result.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        TenantA?.Dispose();
        TenantB?.Dispose();
        Anonymous?.Dispose();
        await Server.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private HttpClient Authorized(string token)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
