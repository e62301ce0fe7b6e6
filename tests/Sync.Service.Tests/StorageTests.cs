using Microsoft.Data.Sqlite;
using Sync.Service.Contract;

namespace Sync.Service.Tests;

public sealed class StorageTests
{
    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task EmptyDatabaseIsMigratedAndReopenedWithItsData(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        string projectId;
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            await service.Tenants.EnsureAsync("tenant-a", "A");
            projectId = (await service.Projects.CreateAsync("tenant-a", new ProjectRequestDto { Name = "nightly", AppId = "etl" })).Id;
        }

        await using (var reopened = await harness.OpenAsync(runPredictions: false))
        {
            var project = await reopened.Projects.GetAsync("tenant-a", projectId);
            Assert.Equal("nightly", project.Name);
            Assert.Equal("etl", project.AppId);
            Assert.True(await reopened.Tenants.ExistsAsync("tenant-a"));
        }

        // Opening twice applied the one migration once.
        Assert.Equal(0, await harness.ExecuteAsync("UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE \"MigrationId\" = 'missing'"));
        Assert.Equal(1, await harness.ExecuteAsync("UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE \"MigrationId\" = '202611260001_Initial'"));
    }

    [Fact]
    public async Task SqliteFileHasTheDocumentedTables()
    {
        await using var harness = new ServiceHarness("sqlite");
        await (await harness.OpenAsync(runPredictions: false)).DisposeAsync();
        Assert.True(File.Exists(harness.SqliteFile));
        await using var connection = new SqliteConnection($"Data Source={harness.SqliteFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "tenants", "api_keys", "projects", "runs", "predictions" });
    }

    [Fact]
    public async Task BadOptionsAreRefused()
    {
        var e = await Assert.ThrowsAsync<SyncServiceException>(() => SyncService.OpenAsync(new SyncServiceOptions { MaxConcurrentPredictions = 0, DataDirectory = "x" }));
        Assert.Equal(ServiceErrorKind.InvalidInput, e.Kind);
        e = await Assert.ThrowsAsync<SyncServiceException>(() => SyncService.OpenAsync(new SyncServiceOptions { Provider = StorageProvider.PostgreSql }));
        Assert.Equal(ServiceErrorKind.InvalidInput, e.Kind);
    }
}
