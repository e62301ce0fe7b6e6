using System.Net;
using System.Net.Sockets;
using System.Text;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>Predictions over HTTP: from a log URL and from an upload, their listing and deletion, and bad input.</summary>
public sealed class PredictionTests(TenantServerFixture fixture) : IClassFixture<TenantServerFixture>
{
    private TenantServer Host => fixture.Host;

    [Fact]
    public async Task Prediction_from_an_event_log_url_runs_in_the_background_to_success()
    {
        var project = (await Host.TenantA.CreateProjectAsync("url project")).GetProperty("id").GetString()!;
        using var created = await Host.TenantA.CreatePredictionAsync(new { project_id = project, product_code = "aws-databricks", eventlog_url = Samples.EventLog, configs = Samples.Report });
        var id = (await created.AssertResultAsync(HttpStatusCode.Accepted)).GetProperty("prediction_id").GetString()!;

        Assert.Equal("SUCCESS", await Host.TenantA.WaitAsync(id));
        var full = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}")).AssertResultAsync();
        var economy = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}?preference=economy")).AssertResultAsync();
        var listed = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions?project_id={project}&products=aws-databricks")).AssertResultAsync();
        var otherProduct = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions?project_id={project}&products=aws-emr")).AssertResultAsync();

        Assert.Equal(id, full.GetProperty("prediction_id").GetString());
        Assert.Equal("aws-databricks", full.GetProperty("product_code").GetString());
        Assert.True(full.GetProperty("basis").GetProperty("metrics").GetProperty("runtime").GetDouble() > 0);
        foreach (var name in new[] { "performance", "balanced", "economy" })
        {
            Assert.True(full.GetProperty("solutions").TryGetProperty(name, out var solution), name);
            Assert.True(solution.GetProperty("metrics").GetProperty("cost").GetDouble() > 0);
        }

        Assert.True(economy.GetProperty("solutions").EnumerateObject().Count() < full.GetProperty("solutions").EnumerateObject().Count());
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("prediction_id").GetString());
        Assert.Empty(otherProduct.EnumerateArray());

        await (await Host.TenantA.DeleteAsync($"v1/autotuner/predictions/{id}")).AssertResultAsync();
        await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "prediction_not_found");
    }

    [Fact]
    public async Task Uploaded_event_log_is_stored_and_predicted_from()
    {
        var (id, url, token) = await Host.TenantA.CreateAwaitingUploadAsync();
        Assert.StartsWith(Host.Server.BaseAddress.ToString().TrimEnd('/') + "/v1/uploads/", url);

        await using var log = File.OpenRead(Samples.EventLog);
        using var uploaded = await Host.Anonymous.UploadAsync(url, token, log);

        Assert.Equal("PENDING", (await uploaded.AssertResultAsync()).GetProperty("status").GetString());
        Assert.Equal("SUCCESS", await Host.TenantA.WaitAsync(id));
        var prediction = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}")).AssertResultAsync();
        Assert.True(prediction.GetProperty("solutions").TryGetProperty("balanced", out _));
    }

    [Fact]
    public async Task Upload_that_is_not_an_event_log_fails_the_prediction_with_a_clear_error()
    {
        var (id, url, token) = await Host.TenantA.CreateAwaitingUploadAsync();

        using var accepted = await Host.Anonymous.UploadAsync(url, token, new MemoryStream(Encoding.UTF8.GetBytes("<html>not a log</html>")), "page.html");

        Assert.Equal("PENDING", (await accepted.AssertResultAsync()).GetProperty("status").GetString());
        Assert.Equal("FAILURE", await Host.TenantA.WaitAsync(id));
        var prediction = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}")).AssertResultAsync();
        Assert.False(string.IsNullOrWhiteSpace(prediction.GetProperty("error").GetProperty("message").GetString()));
        Assert.False(prediction.GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task Empty_upload_is_400_and_the_prediction_still_awaits_its_log()
    {
        var (id, url, token) = await Host.TenantA.CreateAwaitingUploadAsync();

        await (await Host.Anonymous.UploadAsync(url, token, new MemoryStream())).AssertErrorAsync(HttpStatusCode.BadRequest, "empty_upload");

        Assert.Equal("AWAITING_UPLOAD", await Host.TenantA.StatusAsync(id));
    }

    [Fact]
    public async Task Upload_without_a_token_or_with_another_predictions_token_is_401()
    {
        var (id, url, _) = await Host.TenantA.CreateAwaitingUploadAsync();
        var (_, _, otherToken) = await Host.TenantA.CreateAwaitingUploadAsync();

        await (await Host.Anonymous.UploadAsync(url, null, File.OpenRead(Samples.EventLog))).AssertErrorAsync(HttpStatusCode.Unauthorized);
        await (await Host.Anonymous.UploadAsync(url, otherToken, File.OpenRead(Samples.EventLog))).AssertErrorAsync(HttpStatusCode.Unauthorized);
        await (await Host.Anonymous.UploadAsync(url, Host.TokenA, File.OpenRead(Samples.EventLog))).AssertErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("AWAITING_UPLOAD", await Host.TenantA.StatusAsync(id));
    }

    [Fact]
    public async Task Client_that_disconnects_mid_upload_leaves_the_prediction_retryable()
    {
        var (id, url, token) = await Host.TenantA.CreateAwaitingUploadAsync();
        var target = new Uri(url);
        const string boundary = "cut-off-boundary";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n{token}\r\n" +
                   $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"eventlog.zip\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var log = await File.ReadAllBytesAsync(Samples.EventLog);
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(target.Host, target.Port);
            var stream = socket.GetStream();
            var request = $"POST {target.PathAndQuery} HTTP/1.1\r\nHost: {target.Authority}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {head.Length + log.Length + 100}\r\n\r\n{head}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await stream.WriteAsync(log.AsMemory(0, log.Length / 2));
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        // The server notices the reset, drops the partial file and keeps the prediction waiting for its log.
        var uploads = Path.Combine(Host.Server.DataDirectory, "uploads", id);
        for (var i = 0; i < 50 && Directory.Exists(uploads) && Directory.EnumerateFiles(uploads).Any(); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal("AWAITING_UPLOAD", await Host.TenantA.StatusAsync(id));
        Assert.True(!Directory.Exists(uploads) || !Directory.EnumerateFiles(uploads).Any(), "a partial upload was left behind");
        await using var again = File.OpenRead(Samples.EventLog);
        Assert.Equal("PENDING", (await (await Host.Anonymous.UploadAsync(url, token, again)).AssertResultAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_tenants_prediction_is_404()
    {
        var (id, _, _) = await Host.TenantA.CreateAwaitingUploadAsync();

        await (await Host.TenantB.GetAsync($"v1/autotuner/predictions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await Host.TenantB.GetAsync($"v1/autotuner/predictions/{id}/status")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await Host.TenantB.DeleteAsync($"v1/autotuner/predictions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
        var listB = await (await Host.TenantB.GetAsync("v1/autotuner/predictions")).AssertResultAsync();
        Assert.DoesNotContain(listB.EnumerateArray(), p => p.GetProperty("prediction_id").GetString() == id);
        Assert.Equal("AWAITING_UPLOAD", await Host.TenantA.StatusAsync(id));
    }

    [Fact]
    public async Task Unknown_prediction_is_404()
    {
        await (await Host.TenantA.GetAsync("v1/autotuner/predictions/nope/status")).AssertErrorAsync(HttpStatusCode.NotFound, "prediction_not_found");
    }

    [Theory]
    [InlineData("malformed-report", "invalid_cluster_report")]
    [InlineData("unknown-product", "invalid_input")]
    [InlineData("bad-preference", "invalid_input")]
    public async Task Bad_prediction_requests_are_400(string problem, string code)
    {
        object request = problem switch
        {
            "malformed-report" => new { product_code = "aws-databricks", configs = new { workers = "many" } },
            "unknown-product" => new { product_code = "gcp-dataproc", configs = Samples.Report },
            _ => new { product_code = "aws-databricks", configs = Samples.Report, preference = "fastest" },
        };

        using var response = await Host.TenantA.CreatePredictionAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, code);
    }
}
