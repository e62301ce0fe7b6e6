using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary><c>POST /v1/auth/token</c> and what the server logs about it.</summary>
public sealed class AuthTokenTests(TenantServerFixture fixture) : IClassFixture<TenantServerFixture>
{
    private TenantServer Host => fixture.Host;

    [Fact]
    public async Task Token_of_a_key_lets_its_tenant_in()
    {
        using var response = await Host.TenantA.GetAsync("v1/projects");

        Assert.Equal(JsonValueKindArray, (await response.AssertResultAsync()).ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;

    [Fact]
    public async Task Wrong_secret_is_401()
    {
        using var response = await Host.Anonymous.PostAsJsonAsync("v1/auth/token", new { api_key_id = Host.KeyA.KeyId, api_key_secret = "wrong-secret" });

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task Unknown_key_is_401()
    {
        using var response = await Host.Anonymous.PostAsJsonAsync("v1/auth/token", new { api_key_id = "no-such-key", api_key_secret = "whatever" });

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Fact]
    public async Task Missing_members_are_400()
    {
        using var response = await Host.Anonymous.PostAsJsonAsync("v1/auth/token", new { api_key_id = Host.KeyA.KeyId });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var response = await Host.Anonymous.PostAsync("v1/auth/token", new StringContent("{\"api_key_id\": ", Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var huge = "{\"api_key_id\": \"" + new string('x', 2 * 1024 * 1024) + "\", \"api_key_secret\": \"s\"}";

        using var response = await Host.Anonymous.PostAsync("v1/auth/token", new StringContent(huge, Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Logs_never_contain_the_secret_or_the_token()
    {
        var token = await Host.TokenAsync(Host.KeyA);
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await client.GetAsync("v1/projects");
        await Host.Anonymous.PostAsJsonAsync("v1/auth/token", new { api_key_id = Host.KeyA.KeyId, api_key_secret = Host.KeyA.Secret + "x" });
        await Task.Delay(500); // the console logger writes on a background thread

        var log = Host.Server.Log;

        Assert.Contains("Issued a bearer token for API key " + Host.KeyA.KeyId, log);
        Assert.Contains("\"Path\":\"/v1/projects\"", log);
        Assert.DoesNotContain(Host.KeyA.Secret, log);
        Assert.DoesNotContain(token, log);
        Assert.DoesNotContain(token.Split('.')[2], log);
        Assert.DoesNotContain(Host.TokenA, log);
        Assert.DoesNotContain(ServerProcess.SigningSecret, log);
    }
}
