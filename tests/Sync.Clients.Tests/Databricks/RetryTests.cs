using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sync.Clients.Databricks;

namespace Sync.Clients.Tests.Databricks;

public sealed class RetryTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_delay()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        ws.Emulator.Faults.Throttle(1, retryAfterSeconds: 1);

        var watch = Stopwatch.StartNew();
        var types = await ws.Client.ListNodeTypesAsync();

        Assert.NotEmpty(types);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {watch.Elapsed}");
        Assert.Equal(["GET /api/2.0/clusters/list-node-types 429", "GET /api/2.0/clusters/list-node-types 200"], ws.Emulator.Requests);
        Assert.Contains(ws.Log, l => l.Contains("429 REQUEST_LIMIT_EXCEEDED; retry 1 in 1000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_they_stop()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        ws.Emulator.Faults.FailWithServerError(2, 503);
        ws.Emulator.Faults.Throttle(1, retryAfterSeconds: null);

        Assert.NotEmpty(await ws.Client.ListNodeTypesAsync());
        Assert.Equal(4, ws.Emulator.Requests.Count);
        Assert.Equal(3, ws.Log.Count(l => l.Contains("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_give_up_after_MaxRetries_with_the_last_error()
    {
        await using var ws = await EmulatedWorkspace.StartAsync(maxRetries: 2);
        ws.Emulator.Faults.FailWithServerError(10, 500);

        var e = await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.ListNodeTypesAsync());
        Assert.Equal(500, e.StatusCode);
        Assert.Equal("INTERNAL_ERROR", e.ErrorCode);
        Assert.Equal(3, ws.Emulator.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.GetRunAsync(1));
        Assert.Single(ws.Emulator.Requests);
    }

    [Fact]
    public async Task Faults_can_target_one_path()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        ws.Emulator.Faults.FailWithServerError(1, 502, pathContains: "/dbfs/");
        Assert.NotEmpty(await ws.Client.ListNodeTypesAsync());
        await Assert.ThrowsAsync<DatabricksApiException>(() => ws.Client.DbfsGetStatusAsync("/none"));
        Assert.Equal(["GET /api/2.0/clusters/list-node-types 200", "GET /api/2.0/dbfs/get-status 502", "GET /api/2.0/dbfs/get-status 404"], ws.Emulator.Requests);
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_request_timeout_is_retried_then_reported_as_unreachable()
    {
        await using var ws = await EmulatedWorkspace.StartAsync();
        ws.Emulator.Faults.ResponseDelay = TimeSpan.FromSeconds(2);
        using var client = new DatabricksRestClient(new DatabricksCredentials(ws.Emulator.BaseUri, ws.Emulator.Token, "test"), new DatabricksRestClientOptions
        {
            RequestTimeout = TimeSpan.FromMilliseconds(200),
            Retry = new DatabricksRetryPolicy { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var e = await Assert.ThrowsAsync<DatabricksConnectionException>(() => client.ListNodeTypesAsync());
        Assert.Contains("no answer within 0.2 s", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 attempt(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_is_a_connection_error_after_the_retries()
    {
        var port = FreePort();
        using var client = new DatabricksRestClient(new DatabricksCredentials(new Uri($"http://127.0.0.1:{port}/"), "dapi-unreachable-secret", "test"), new DatabricksRestClientOptions
        {
            Retry = new DatabricksRetryPolicy { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var e = await Assert.ThrowsAsync<DatabricksConnectionException>(() => client.GetClusterAsync("x"));
        Assert.Contains($"127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dapi-unreachable-secret", e.ToString(), StringComparison.Ordinal);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
