using Microsoft.Data.Sqlite;
using Npgsql;
using Sync.Service.Contract;

namespace Sync.Service.Tests;

/// <summary>
/// A Sync service on a real database for one test: a SQLite file in a temporary directory, or a fresh schema of the
/// PostgreSQL database named by <c>SYNC_TEST_POSTGRES</c> (an Npgsql connection string). Reopening keeps the data.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    public const string PostgresVariable = "SYNC_TEST_POSTGRES";
    private readonly string? _schema;
    private readonly string? _postgres;

    public ServiceHarness(string provider)
    {
        Provider = provider;
        Directory = Path.Combine(Path.GetTempPath(), "sync-service-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (provider == "postgresql")
        {
            var root = Environment.GetEnvironmentVariable(PostgresVariable)
                       ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
            _schema = "t" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(root))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
                command.ExecuteNonQuery();
            }

            _postgres = new NpgsqlConnectionStringBuilder(root) { SearchPath = _schema, Pooling = false }.ToString();
        }
    }

    /// <summary>The storage providers to run tests on: SQLite always, PostgreSQL when <see cref="PostgresVariable"/> is set.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
            {
                data.Add("postgresql");
            }

            return data;
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SampleEventLog => Path.Combine(RepoRoot, "samples/eventlogs/databricks-9.1-m5.4xlarge.zip");

    public static string SampleReportPath => Path.Combine(RepoRoot, "samples/reports/databricks-m5-4xlarge-4-workers.json");

    public static System.Text.Json.JsonElement SampleReport => System.Text.Json.JsonDocument.Parse(File.ReadAllText(SampleReportPath)).RootElement.Clone();

    public string Provider { get; }

    public string Directory { get; }

    public string SqliteFile => Path.Combine(Directory, "sync.db");

    public SyncServiceOptions Options(bool runPredictions = true) => new()
    {
        Provider = Provider == "postgresql" ? StorageProvider.PostgreSql : StorageProvider.Sqlite,
        ConnectionString = _postgres,
        DataDirectory = Directory,
        RunPredictions = runPredictions,
        RunningLease = TimeSpan.FromSeconds(5),
    };

    public Task<SyncService> OpenAsync(bool runPredictions = true) => SyncService.OpenAsync(Options(runPredictions));

    /// <summary>Runs SQL on the database directly, behind the service's back (to stage what a crash leaves).</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        if (_postgres is not null)
        {
            await using var pg = new NpgsqlConnection(_postgres);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            return await command.ExecuteNonQueryAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
        await connection.OpenAsync();
        await using var sqlite = connection.CreateCommand();
        sqlite.CommandText = sql;
        return await sqlite.ExecuteNonQueryAsync();
    }

    public static async Task<PredictionDto> WaitForFinishAsync(SyncService service, string tenant, string id, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            var prediction = await service.Predictions.GetAsync(tenant, id, cancellationToken: cancel.Token);
            if (prediction.Status is PredictionStatuses.Success or PredictionStatuses.Failure)
            {
                return prediction;
            }

            await Task.Delay(50, cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_schema is not null)
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Sync.sln not found above " + AppContext.BaseDirectory);
    }
}
