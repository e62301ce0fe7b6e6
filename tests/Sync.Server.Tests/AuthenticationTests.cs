using System.Net;
using System.Net.Http.Headers;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>Bearer tokens on <c>/v1</c>: missing, malformed, forged and expired tokens get 401 envelopes.</summary>
public sealed class AuthenticationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private async Task<HttpResponseMessage> GetProjectsAsync(string? authorization)
    {
        using var client = fixture.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/projects");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Missing_token_is_401()
    {
        var error = await (await GetProjectsAsync(null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Contains("/v1/auth/token", error.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer sync1.")]
    [InlineData("Bearer sync1.e30.AAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Malformed_tokens_are_401(string authorization)
    {
        await (await GetProjectsAsync(authorization)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task Token_signed_by_another_server_is_401()
    {
        var forged = Tokens.Mint("tenant-a", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), secret: "another-servers-secret-0123456789abcdef");

        var error = await (await GetProjectsAsync("Bearer " + forged)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Contains("signature", error.GetProperty("message").GetString());
        Assert.DoesNotContain(forged, fixture.Server.Log);
    }

    [Fact]
    public async Task Expired_token_is_401_saying_so()
    {
        var expired = Tokens.Mint("tenant-a", DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));

        var error = await (await GetProjectsAsync("Bearer " + expired)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Contains("expired", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Valid_token_passes_authentication()
    {
        var token = Tokens.Mint("tenant-a", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        using var client = fixture.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("v1/no-such-resource");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(token, fixture.Server.Log);
    }
}
