using System.Net;
using System.Net.Sockets;
using Sync.Api;

namespace Sync.AwsDatabricks.Tests;

public sealed class ClientErrorTests
{
    private const string WrongToken = "dapi-wrong-9c8b7a6f5e";

    [Fact]
    public async Task A_rejected_token_is_an_authentication_error_with_a_hint_and_without_the_token()
    {
        var log = new List<string>();
        await using var ws = await DatabricksWorkspace.StartAsync(configure: o =>
        {
            o.Token = WrongToken;
            o.Log = log.Add;
        });

        var response = await ws.Client.GetRunAsync(1);

        Assert.Equal(SyncErrorKind.Authentication, response.Error!.Kind);
        Assert.Contains("Invalid access token", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("DATABRICKS_TOKEN", response.Error.Hint, StringComparison.Ordinal);
        Assert.Contains("profile", response.Error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, response.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, ws.Options.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(log);
        Assert.All(log, line => Assert.DoesNotContain(WrongToken, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_of_the_wrong_shape_is_a_service_error()
    {
        // A host that answers 200 with JSON that is not a Databricks run.
        await using var ws = await DatabricksWorkspace.StartAsync();
        using var client = new DatabricksClient(new Clients.Databricks.DatabricksRestClient(
            new Clients.Databricks.DatabricksCredentials(ws.Emulator.BaseUri, ws.Emulator.Token, "test"),
            new Clients.Databricks.DatabricksRestClientOptions { Handler = new FixedAnswer("""{"run_id": "not-a-number", "state": []}""") }), ws.Options);

        var response = await client.GetRunAsync(1);

        Assert.Equal(SyncErrorKind.Service, response.Error!.Kind);
        Assert.Equal("unexpected-answer", response.Error.Code);
    }

    private sealed class FixedAnswer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) });
    }

    [Fact]
    public async Task Missing_credentials_are_an_authentication_error_at_the_first_call()
    {
        using var client = new DatabricksClient(new DatabricksClientOptions { Environment = _ => null, HomeDirectory = "/nonexistent" });

        var response = await client.WaitForRunAsync(1);

        Assert.Equal(SyncErrorKind.Authentication, response.Error!.Kind);
        Assert.Contains("No Databricks workspace host", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("DATABRICKS_HOST", response.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_file_supplies_host_and_token()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var config = Path.Combine(Directory.CreateTempSubdirectory("sync-dbx-").FullName, "cfg");
        await File.WriteAllTextAsync(config, $"[DEFAULT]\nhost = https://wrong.example\n\n[emulator]\nhost = {ws.Emulator.BaseUri}\ntoken = {ws.Emulator.Token}\n");
        using var client = new DatabricksClient(new DatabricksClientOptions
        {
            Profile = "emulator",
            ConfigFile = config,
            Environment = name => name == "DATABRICKS_TOKEN" ? "dapi-from-env-ignored" : null,
        });

        var response = await client.GetRunAsync(await ws.SubmitAsync());

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal("PENDING", response.Value.LifeCycleState);
    }

    [Fact]
    public async Task An_unreachable_host_is_a_network_error()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var client = new DatabricksClient(new DatabricksClientOptions
        {
            Host = $"http://127.0.0.1:{port}",
            Token = "dapi-x",
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(5),
        });

        var response = await client.GetClusterReportAsync("0101-000000-abc");

        Assert.Equal(SyncErrorKind.Network, response.Error!.Kind);
        Assert.Contains($"127.0.0.1:{port}", response.Error.Message, StringComparison.Ordinal);
        Assert.Contains("DATABRICKS_HOST", response.Error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_a_service_error()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        ws.Emulator.Faults.Throttle(10, retryAfterSeconds: 0);

        var response = await ws.Client.GetRunAsync(1);

        Assert.Equal(SyncErrorKind.Service, response.Error!.Kind);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", response.Error.Code);
        Assert.Equal(3, ws.Emulator.Requests.Count);
    }
}
