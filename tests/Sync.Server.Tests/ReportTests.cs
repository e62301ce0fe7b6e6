using System.Net;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary><c>GET /v1/predictions/{id}/report</c> (and under <c>/v1/autotuner/</c>): the HTML page of a succeeded prediction, per tenant.</summary>
public sealed class ReportTests(TenantServerFixture fixture) : IClassFixture<TenantServerFixture>
{
    private TenantServer Host => fixture.Host;

    [Fact]
    public async Task Succeeded_prediction_is_drawn_as_a_self_contained_page_on_both_routes()
    {
        using var created = await Host.TenantA.CreatePredictionAsync(new { product_code = "aws-databricks", eventlog_url = Samples.EventLog, configs = Samples.Report, sla_seconds = 1800 });
        var id = (await created.AssertResultAsync(HttpStatusCode.Accepted)).GetProperty("prediction_id").GetString()!;
        Assert.Equal("SUCCESS", await Host.TenantA.WaitAsync(id));
        var prediction = await (await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}")).AssertResultAsync();

        using var report = await Host.TenantA.GetAsync($"v1/predictions/{id}/report");
        var html = await report.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", report.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains(prediction.GetProperty("application_name").GetString()!, html);
        Assert.Contains("class=\"front\"", html);
        Assert.Contains("class=\"deadline\"", html);
        foreach (var name in new[] { "observed", "performance", "balanced", "economy", "within-deadline" })
        {
            Assert.Contains($"data-solution=\"{name}\"", html);
        }

        // Same engine and inputs as the stored prediction: the page names the balanced solution the API returned.
        var balanced = prediction.GetProperty("solutions").GetProperty("balanced");
        Assert.Contains($"{balanced.GetProperty("worker_nodes").GetInt32()} x {balanced.GetProperty("worker_instance_type").GetString()}", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        using var autotuner = await Host.TenantA.GetAsync($"v1/autotuner/predictions/{id}/report");
        Assert.Equal(HttpStatusCode.OK, autotuner.StatusCode);
        Assert.Equal(html, await autotuner.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_and_other_tenants_predictions_are_404_envelopes()
    {
        var (id, _, _) = await Host.TenantA.CreateAwaitingUploadAsync();

        await (await Host.TenantA.GetAsync("v1/predictions/nope/report")).AssertErrorAsync(HttpStatusCode.NotFound, "prediction_not_found");
        await (await Host.TenantB.GetAsync($"v1/predictions/{id}/report")).AssertErrorAsync(HttpStatusCode.NotFound, "prediction_not_found");
        await (await Host.TenantB.GetAsync($"v1/autotuner/predictions/{id}/report")).AssertErrorAsync(HttpStatusCode.NotFound, "prediction_not_found");
        await (await Host.Anonymous.GetAsync($"v1/predictions/{id}/report")).AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Prediction_that_has_not_succeeded_is_409_saying_so()
    {
        var (id, _, _) = await Host.TenantA.CreateAwaitingUploadAsync();

        var error = await (await Host.TenantA.GetAsync($"v1/predictions/{id}/report")).AssertErrorAsync(HttpStatusCode.Conflict, "prediction_not_ready");

        Assert.Contains("AWAITING_UPLOAD", error.GetProperty("message").GetString());
    }
}
