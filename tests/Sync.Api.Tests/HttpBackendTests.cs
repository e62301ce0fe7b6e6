using System.Text.Json;
using Sync.Api.Models;

namespace Sync.Api.Tests;

/// <summary>The HTTP backend against a loopback server that answers as the wire contract says (and as it says a server fails).</summary>
public sealed class HttpBackendTests
{
    private const string Secret = "s3cr3t-VALUE-never-shown";

    private static string Token(int n, DateTimeOffset expires) =>
        $$$"""{"result": {"access_token": "token-{{{n}}}", "expires_at_utc": "{{{expires:O}}}"}}""";

    private const string ProjectJson = """
        {"result": {"id": "p1", "name": "nightly", "prediction_preference": "economy", "sla_seconds": 3600,
                    "created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z", "some_future_field": [1, 2]}}
        """;

    [Fact]
    public async Task Key_is_exchanged_for_a_token_that_is_sent_and_renewed_before_it_expires()
    {
        var clock = new ManualClock();
        var issued = 0;
        await using var server = new LoopbackServer(r => r.Path switch
        {
            "/v1/auth/token" => (200, Token(++issued, clock.Now.AddMinutes(10))),
            "/v1/projects/p1" => (200, ProjectJson),
            _ => (404, """{"error": {"code": "not_found", "message": "no route"}}"""),
        });
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret), clock);

        var project = await client.Projects.GetAsync("p1");
        Assert.True(project.IsSuccess, project.Error?.ToString());
        Assert.Equal("nightly", project.Value.Name);
        Assert.Equal(Engine.Recommendations.Preference.Economy, project.Value.Preference);
        Assert.Equal(TimeSpan.FromHours(1), project.Value.Sla);

        clock.Now = clock.Now.AddMinutes(5);
        Assert.True((await client.Projects.GetAsync("p1")).IsSuccess);
        Assert.Equal(1, issued);

        // Within the last minute of its life the token is exchanged again.
        clock.Now = clock.Now.AddMinutes(4.5);
        Assert.True((await client.Projects.GetAsync("p1")).IsSuccess);
        Assert.Equal(2, issued);

        var requests = server.Requests.ToList();
        var exchange = requests.First(r => r.Path == "/v1/auth/token");
        Assert.Equal("POST", exchange.Method);
        using (var body = JsonDocument.Parse(exchange.Text))
        {
            Assert.Equal("key-1", body.RootElement.GetProperty("api_key_id").GetString());
            Assert.Equal(Secret, body.RootElement.GetProperty("api_key_secret").GetString());
        }

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], requests.Where(r => r.Path == "/v1/projects/p1").Select(r => r.Authorization));
        Assert.All(requests.Where(r => r.Path != "/v1/auth/token"), r => Assert.DoesNotContain(Secret, r.Text + r.PathAndQuery));
    }

    [Fact]
    public async Task Token_refused_early_is_exchanged_again_once()
    {
        var issued = 0;
        await using var server = new LoopbackServer(r => r switch
        {
            { Path: "/v1/auth/token" } => (200, Token(++issued, DateTimeOffset.UtcNow.AddHours(1))),
            { Authorization: "Bearer token-1" } => (401, """{"error": {"code": "invalid_token", "message": "The token has expired."}}"""),
            _ => (200, ProjectJson),
        });
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret));
        Assert.True((await client.Projects.GetAsync("p1")).IsSuccess);
        Assert.Equal(2, issued);
    }

    [Fact]
    public async Task Wrong_key_is_an_authentication_error_that_never_shows_the_secret()
    {
        await using var server = new LoopbackServer(_ => (401, """{"error": {"code": "invalid_api_key", "message": "The API key id or secret is wrong."}}"""));
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret));
        var response = await client.Projects.ListAsync();
        Assert.Equal(SyncErrorKind.Authentication, response.Error!.Kind);
        Assert.Contains("key-1", response.Error.Message);
        Assert.DoesNotContain(Secret, response.Error.ToString());
        Assert.DoesNotContain(Secret, client.Options.ToString());

        await using var noKey = new SyncClient(new SyncClientOptions { ApiUrl = server.Url });
        Assert.Equal(SyncErrorKind.Authentication, (await noKey.Predictions.ListAsync()).Error!.Kind);
    }

    [Fact]
    public async Task Unreachable_server_is_a_network_error_and_a_bad_url_invalid_input()
    {
        var port = LoopbackServer.FreePort();
        await using var client = new SyncClient(SyncClientOptions.Remote(new Uri($"http://127.0.0.1:{port}/"), "key-1", Secret));
        var response = await client.Predictions.GetAsync("p");
        Assert.Equal(SyncErrorKind.Network, response.Error!.Kind);
        Assert.NotNull(response.Error.Hint);
        Assert.DoesNotContain(Secret, response.Error.ToString());

        await using var ftp = new SyncClient(SyncClientOptions.Remote(new Uri("ftp://example.com/"), "key-1", Secret));
        Assert.Equal(SyncErrorKind.InvalidInput, (await ftp.Projects.ListAsync()).Error!.Kind);
    }

    [Theory]
    [InlineData(400, """{"error": {"code": "invalid_input", "message": "configs is not a cluster report", "detail": "See docs/cluster-report.md."}}""", SyncErrorKind.InvalidInput)]
    [InlineData(404, """{"error": {"code": "prediction_not_found", "message": "No prediction with id 'x'."}}""", SyncErrorKind.NotFound)]
    [InlineData(403, """{"error": {"code": "forbidden", "message": "no"}}""", SyncErrorKind.PermissionDenied)]
    [InlineData(409, """{"error": {"code": "not_failed", "message": "It has not failed."}}""", SyncErrorKind.Conflict)]
    [InlineData(413, """{"error": {"code": "too_large", "message": "Too large."}}""", SyncErrorKind.InvalidInput)]
    [InlineData(500, "<html>Internal Server Error</html>", SyncErrorKind.Service)]
    [InlineData(503, "", SyncErrorKind.Service)]
    [InlineData(200, "this is not json", SyncErrorKind.Service)]
    public async Task Server_errors_map_to_their_kind_with_the_servers_message(int status, string body, SyncErrorKind kind)
    {
        await using var server = new LoopbackServer(r => r.Path == "/v1/auth/token" ? (200, Token(1, DateTimeOffset.UtcNow.AddHours(1))) : (status, body));
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret));
        var response = await client.Predictions.GetAsync("x");
        Assert.Equal(kind, response.Error!.Kind);
        if (body.StartsWith("{\"error\"", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.GetProperty("error");
            Assert.Equal(error.GetProperty("message").GetString(), response.Error.Message);
            Assert.Equal(error.GetProperty("code").GetString(), response.Error.Code);
            if (error.TryGetProperty("detail", out var detail))
            {
                Assert.Equal(detail.GetString(), response.Error.Hint);
            }
        }
    }

    [Fact]
    public async Task Event_log_is_uploaded_as_multipart_with_the_given_fields()
    {
        var log = await File.ReadAllBytesAsync(Contract.Tests.Support.ContractSamples.EventLog);
        await using var server = new LoopbackServer(r => (r.Method, r.Path) switch
        {
            (_, "/v1/auth/token") => (200, Token(1, DateTimeOffset.UtcNow.AddHours(1))),
            ("POST", "/v1/autotuner/predictions") => (202, """{"result": {"prediction_id": "pr1", "status": "AWAITING_UPLOAD", "upload_details": {"url": "v1/autotuner/predictions/pr1/eventlog", "fields": {"key": "pr1/run.zip"}}, "warnings": [{"code": "code_hash_changed", "message": "other code"}]}}"""),
            ("POST", "/v1/autotuner/predictions/pr1/eventlog") => (200, """{"result": {"status": "PENDING"}}"""),
            ("GET", "/v1/autotuner/predictions/pr1") => (200, """{"result": {"prediction_id": "pr1", "product_code": "aws-databricks", "product_name": "Databricks on AWS", "status": "PENDING", "created_at": "2026-11-26T00:00:00Z", "updated_at": "2026-11-26T00:00:00Z"}}"""),
            _ => (404, """{"error": {"code": "not_found", "message": "no route"}}"""),
        });
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret));
        var created = await client.Predictions.CreateAsync(new PredictionCreateOptions
        {
            EventLogPath = Contract.Tests.Support.ContractSamples.EventLog, ClusterReportPath = Contract.Tests.Support.ContractSamples.Report, CodeHash = "sha256:b",
        });
        Assert.True(created.IsSuccess, created.Error?.ToString());
        Assert.Equal(PredictionStatus.Pending, created.Value.Status);
        Assert.Equal("code_hash_changed", Assert.Single(created.Warnings).Code);

        var request = server.Requests.Single(r => r.Path == "/v1/autotuner/predictions" && r.Method == "POST");
        using (var body = JsonDocument.Parse(request.Text))
        {
            Assert.False(body.RootElement.TryGetProperty("eventlog_url", out _));
            Assert.Equal("aws-databricks", body.RootElement.GetProperty("configs").GetProperty("platform").GetString());
            Assert.Equal("sha256:b", body.RootElement.GetProperty("code_hash").GetString());
        }

        var upload = server.Requests.Single(r => r.Path.EndsWith("/eventlog", StringComparison.Ordinal));
        Assert.StartsWith("multipart/form-data", upload.ContentType);
        Assert.Equal("Bearer token-1", upload.Authorization);
        var text = System.Text.Encoding.Latin1.GetString(upload.Body);
        Assert.Contains("name=key", text);
        Assert.Contains("pr1/run.zip", text);
        Assert.Contains("filename=databricks-9.1-m5.4xlarge.zip", text);
        Assert.True(upload.Body.AsSpan().IndexOf(log) >= 0, "the log's bytes are in the upload");
    }

    [Fact]
    public async Task List_filters_go_in_the_query_string()
    {
        await using var server = new LoopbackServer(r => r.Path == "/v1/auth/token" ? (200, Token(1, DateTimeOffset.UtcNow.AddHours(1))) : (200, """{"result": []}"""));
        await using var client = new SyncClient(SyncClientOptions.Remote(server.Url, "key-1", Secret));
        var listed = await client.Predictions.ListAsync(new PredictionListOptions
        {
            ProjectId = "p 1", ProductCodes = ["aws-emr", "aws-databricks"], Status = PredictionStatus.Success, Preference = Engine.Recommendations.Preference.Economy, Limit = 5,
        });
        Assert.True(listed.IsSuccess, listed.Error?.ToString());
        Assert.Empty(listed.Value);
        var query = server.Requests.Single(r => r.Path == "/v1/autotuner/predictions").PathAndQuery;
        Assert.Equal("/v1/autotuner/predictions?project_id=p%201&preference=economy&status=SUCCESS&limit=5&products=aws-emr&products=aws-databricks", query);
    }
}
