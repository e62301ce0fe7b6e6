using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>Projects and submissions over HTTP: the round trip, tenant isolation and bad input.</summary>
public sealed class ProjectsAndRunsTests(TenantServerFixture fixture) : IClassFixture<TenantServerFixture>
{
    private TenantServer Host => fixture.Host;

    [Fact]
    public async Task Project_create_get_list_by_app_id_update_delete()
    {
        var appId = "app-" + Guid.NewGuid().ToString("N");
        var created = await Host.TenantA.CreateProjectAsync("nightly etl", appId);
        var id = created.GetProperty("id").GetString()!;

        var got = await (await Host.TenantA.GetAsync($"v1/projects/{id}")).AssertResultAsync();
        var listed = await (await Host.TenantA.GetAsync($"v1/projects?app_id={appId}")).AssertResultAsync();
        var updated = await (await Host.TenantA.PutAsJsonAsync($"v1/projects/{id}", new { description = "runs at 2am", prediction_preference = "economy" })).AssertResultAsync();
        var deleted = await (await Host.TenantA.DeleteAsync($"v1/projects/{id}")).AssertResultAsync();

        Assert.Equal("nightly etl", got.GetProperty("name").GetString());
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("runs at 2am", updated.GetProperty("description").GetString());
        Assert.Equal("economy", updated.GetProperty("prediction_preference").GetString());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        await (await Host.TenantA.GetAsync($"v1/projects/{id}")).AssertErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [Fact]
    public async Task Another_tenants_project_is_404_for_every_verb_and_absent_from_lists()
    {
        var id = (await Host.TenantA.CreateProjectAsync("tenant a's")).GetProperty("id").GetString()!;

        await (await Host.TenantB.GetAsync($"v1/projects/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await Host.TenantB.PutAsJsonAsync($"v1/projects/{id}", new { name = "taken over" })).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await Host.TenantB.DeleteAsync($"v1/projects/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await Host.TenantB.PostAsJsonAsync($"v1/projects/{id}/submissions", new { cluster_report = Samples.Report })).AssertErrorAsync(HttpStatusCode.NotFound);
        var listB = await (await Host.TenantB.GetAsync("v1/projects")).AssertResultAsync();
        Assert.DoesNotContain(listB.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal("tenant a's", (await (await Host.TenantA.GetAsync($"v1/projects/{id}")).AssertResultAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_project_is_404()
    {
        await (await Host.TenantA.GetAsync("v1/projects/does-not-exist")).AssertErrorAsync(HttpStatusCode.NotFound, "project_not_found");
    }

    [Fact]
    public async Task Project_without_a_name_is_400()
    {
        await (await Host.TenantA.PostAsJsonAsync("v1/projects", new { description = "no name" })).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task Project_body_of_the_wrong_shape_is_400()
    {
        using var response = await Host.TenantA.PostAsync("v1/projects", new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task Submission_is_recorded_and_listed()
    {
        var id = (await Host.TenantA.CreateProjectAsync("with runs")).GetProperty("id").GetString()!;

        var run = await (await Host.TenantA.PostAsJsonAsync($"v1/projects/{id}/submissions", new { product = "aws-databricks", cluster_report = Samples.Report, event_log_uri = Samples.EventLog, code_hash = "abc123" })).AssertResultAsync();
        var runs = await (await Host.TenantA.GetAsync($"v1/projects/{id}/submissions")).AssertResultAsync();

        Assert.Equal("abc123", run.GetProperty("code_hash").GetString());
        Assert.Equal(run.GetProperty("submission_id").GetString(), Assert.Single(runs.EnumerateArray()).GetProperty("submission_id").GetString());
    }

    [Fact]
    public async Task Submission_with_a_malformed_cluster_report_is_400()
    {
        var id = (await Host.TenantA.CreateProjectAsync("bad runs")).GetProperty("id").GetString()!;

        using var response = await Host.TenantA.PostAsJsonAsync($"v1/projects/{id}/submissions", new { product = "aws-emr", cluster_report = new { instances = "lots" } });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_cluster_report");
    }

    [Fact]
    public async Task Products_are_listed()
    {
        var products = await (await Host.TenantA.GetAsync("v1/autotuner/products")).AssertResultAsync();

        Assert.Equal(["aws-emr", "aws-databricks"], products.EnumerateArray().Select(p => p.GetString()));
    }
}
