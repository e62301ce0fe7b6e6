using System.Net;
using System.Text.Json;

namespace Sync.Server.Tests.Support;

/// <summary>Reads the server's JSON answers.</summary>
public static class Json
{
    /// <summary>The parsed body of <paramref name="response"/>.</summary>
    public static async Task<JsonElement> BodyAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"HTTP {(int)response.StatusCode}: not JSON: {text}");
        }
    }

    /// <summary>Asserts the response is the error envelope with <paramref name="status"/> and <paramref name="code"/>; returns the error.</summary>
    public static async Task<JsonElement> AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.BodyAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var error = body.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, error.GetProperty("code").GetString());
        }

        return error;
    }

    /// <summary>Asserts a 2xx envelope and returns its <c>result</c>.</summary>
    public static async Task<JsonElement> AssertResultAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.BodyAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.GetProperty("result");
    }
}
