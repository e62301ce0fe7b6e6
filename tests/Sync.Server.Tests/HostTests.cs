using System.Net;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>The server process: health, readiness, the error envelope for unknown routes, JSON logs.</summary>
public sealed class HostTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Health_and_ready_answer_in_the_result_envelope_without_a_token()
    {
        using var client = fixture.Server.CreateClient();

        Assert.Equal("ok", (await (await client.GetAsync("health")).AssertResultAsync()).GetProperty("status").GetString());
        Assert.Equal("ready", (await (await client.GetAsync("ready")).AssertResultAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_route_is_a_404_error_envelope()
    {
        using var client = fixture.Server.CreateClient();

        var error = await (await client.GetAsync("no/such/route")).AssertErrorAsync(HttpStatusCode.NotFound, "not_found");

        Assert.Contains("/no/such/route", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Every_log_line_is_a_json_object()
    {
        using var client = fixture.Server.CreateClient();
        await client.GetAsync("health");

        // The server process writes its request line after the response, and its output reaches us through a pipe.
        string[] lines = [];
        for (var waited = 0; waited < 100 && !lines.Any(line => line.Contains("\"Path\":\"/health\"")); waited++)
        {
            await Task.Delay(waited == 0 ? 0 : 100);
            lines = fixture.Server.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(lines, line => line.Contains("\"Path\":\"/health\""));
    }
}
