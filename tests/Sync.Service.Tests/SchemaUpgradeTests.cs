using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sync.Service.Contract;
using Sync.Service.Storage;

namespace Sync.Service.Tests;

/// <summary>A database written by schema version 1 is upgraded in place when a newer service opens it, keeping its data.</summary>
public sealed class SchemaUpgradeTests
{
    private const string Version1 = "202611260001_Initial";

    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task Version1DatabaseIsUpgradedWithoutLosingItsRuns(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        var database = new SyncDatabase(harness.Options(runPredictions: false));
        await using (var db = database.Open())
        {
            await ApplyVersion1Async(db);
        }

        // Rows as version 1 wrote them: the runs table has no status columns yet.
        var report = File.ReadAllText(ServiceHarness.SampleReportPath).Replace("'", "''", StringComparison.Ordinal);
        await harness.ExecuteAsync("INSERT INTO tenants (id, name, created_at_ms) VALUES ('t', 'T', 1)");
        await harness.ExecuteAsync("INSERT INTO projects (id, tenant_id, name, preference, created_at_ms, updated_at_ms) VALUES ('p1', 't', 'nightly', 'balanced', 1, 1)");
        await harness.ExecuteAsync("INSERT INTO runs (id, tenant_id, project_id, product_code, cluster_report_json, event_log_url, code_hash, runtime_seconds, created_at_ms) " +
                                   $"VALUES ('r1', 't', 'p1', 'aws-databricks', '{report}', 's3://bucket/r1/eventlog/', 'sha256:aa', 95.5, 2)");

        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            var run = await service.Runs.GetAsync("t", "r1");
            Assert.Equal(RunStatuses.Succeeded, run.Status);
            Assert.Null(run.StatusMessage);
            Assert.Equal("s3://bucket/r1/eventlog/", run.EventLogUri);
            Assert.Equal("sha256:aa", run.CodeHash);
            Assert.Equal(95.5, run.RuntimeSeconds);
            Assert.Equal("nightly", (await service.Projects.GetAsync("t", "p1")).Name);

            var failed = await service.Runs.CreateAsync("t", "p1", new SubmissionRequestDto { ClusterReport = ServiceHarness.SampleReport, Status = RunStatuses.Failed });
            Assert.Equal(RunStatuses.Failed, (await service.Runs.GetAsync("t", failed.SubmissionId)).Status);
        }

        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(2, (await db.Database.GetAppliedMigrationsAsync()).Count());
        }
    }

    /// <summary>Builds the schema exactly as version 1 of the service left it: migration 1's operations and its history row.</summary>
    private static async Task ApplyVersion1Async(SyncDbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        Assert.Equal(Version1, assembly.Migrations.Keys.Order(StringComparer.Ordinal).First());
        var migration = assembly.CreateMigration(assembly.Migrations[Version1], db.Database.ProviderName!);
        var history = db.GetService<IHistoryRepository>();
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, db.Model);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript());
        foreach (var command in commands)
        {
            await db.Database.ExecuteSqlRawAsync(command.CommandText);
        }

        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(Version1, "10.0.0")));
    }
}
