using Sync.Clients.Databricks;
using Sync.Databricks.Emulator;

namespace Sync.Clients.Tests.Databricks;

public sealed class SecretHygieneTests
{
    private const string Secret = "dapi-secret-7f3a9c1e5b";

    [Fact]
    public async Task The_token_appears_in_no_exception_or_log_line_across_failures()
    {
        await using var emulator = await DatabricksEmulator.StartAsync(new EmulatorOptions { Tokens = [Secret], Clock = EmulatorClock.Manual() });
        var log = new List<string>();
        var options = new DatabricksRestClientOptions { Retry = new DatabricksRetryPolicy { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5) }, Log = log.Add };
        using var good = new DatabricksRestClient(new DatabricksCredentials(emulator.BaseUri, Secret, "test"), options);
        using var bad = new DatabricksRestClient(new DatabricksCredentials(emulator.BaseUri, Secret + "-revoked", "test"), options);

        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<DatabricksApiException>(() => bad.ListNodeTypesAsync()),
            await Assert.ThrowsAsync<DatabricksApiException>(() => good.GetClusterAsync("missing")),
        };
        emulator.Faults.Throttle(5, 0);
        failures.Add(await Assert.ThrowsAsync<DatabricksApiException>(() => good.DbfsListAsync("/")));
        emulator.Faults.FailWithServerError(5);
        failures.Add(await Assert.ThrowsAsync<DatabricksApiException>(() => good.GetRunAsync(1)));

        Assert.NotEmpty(log);
        foreach (var text in failures.Select(f => f.ToString()).Concat(log).Append(new DatabricksCredentials(emulator.BaseUri, Secret, "x").ToString()))
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_service_message_echoing_the_token_is_redacted()
    {
        // A proxy in front of the workspace that echoes the Authorization header in its error body.
        using var handler = new EchoingHandler();
        using var client = new DatabricksRestClient(new DatabricksCredentials(new Uri("http://127.0.0.1:9/"), Secret, "test"),
            new DatabricksRestClientOptions { Handler = handler, Retry = new DatabricksRetryPolicy { MaxRetries = 0 } });

        var e = await Assert.ThrowsAsync<DatabricksApiException>(() => client.ListNodeTypesAsync());
        Assert.Contains("Bearer ***", e.ServiceMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    private sealed class EchoingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent($$"""{"error_code": "BAD_REQUEST", "message": "rejected header {{request.Headers.Authorization}}"}"""),
            });
    }
}
