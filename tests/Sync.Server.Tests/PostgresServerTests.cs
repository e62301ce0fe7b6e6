using System.Net;
using Sync.Server.Tests.Support;

namespace Sync.Server.Tests;

/// <summary>The server on PostgreSQL (SYNC_TEST_POSTGRES): keys, projects, an uploaded prediction and tenant isolation.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task Server_on_postgresql_serves_projects_and_predictions_per_tenant()
    {
        await using var host = await TenantServer.StartAsync(postgres: true);

        Assert.Equal("ready", (await (await host.Anonymous.GetAsync("ready")).AssertResultAsync()).GetProperty("status").GetString());
        var project = (await host.TenantA.CreateProjectAsync("pg project", "pg-app")).GetProperty("id").GetString()!;
        var (id, url, token) = await host.TenantA.CreateAwaitingUploadAsync(project);
        await using (var log = File.OpenRead(Samples.EventLog))
        {
            await (await host.Anonymous.UploadAsync(url, token, log)).AssertResultAsync();
        }

        Assert.Equal("SUCCESS", await host.TenantA.WaitAsync(id));
        await (await host.TenantB.GetAsync($"v1/projects/{project}")).AssertErrorAsync(HttpStatusCode.NotFound);
        await (await host.TenantB.GetAsync($"v1/autotuner/predictions/{id}")).AssertErrorAsync(HttpStatusCode.NotFound);
        var listed = await (await host.TenantA.GetAsync("v1/projects?app_id=pg-app")).AssertResultAsync();
        Assert.Equal(project, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
    }
}
