namespace Sync.Service.Tests;

/// <summary>Says plainly, as a skipped test, when the PostgreSQL runs of the storage tests are left out.</summary>
public sealed class PostgresAvailabilityTests
{
    private sealed class NeedsPostgresFactAttribute : FactAttribute
    {
        public NeedsPostgresFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ServiceHarness.PostgresVariable)))
            {
                Skip = $"{ServiceHarness.PostgresVariable} is not set (an Npgsql connection string): the service tests ran on SQLite only. .ci/run starts PostgreSQL and sets it.";
            }
        }
    }

    [NeedsPostgresFact]
    public async Task PostgreSqlDatabaseOpensAndKeepsData()
    {
        await using var harness = new ServiceHarness("postgresql");
        string id;
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            await service.Tenants.EnsureAsync("t1", "one");
            id = (await service.Projects.CreateAsync("t1", new Contract.ProjectRequestDto { Name = "pg" })).Id;
        }

        await using var reopened = await harness.OpenAsync(runPredictions: false);
        Assert.Equal("pg", (await reopened.Projects.GetAsync("t1", id)).Name);
    }
}
