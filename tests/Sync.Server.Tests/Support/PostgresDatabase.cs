using Npgsql;

namespace Sync.Server.Tests.Support;

/// <summary>
/// A fresh schema in the PostgreSQL database named by <c>SYNC_TEST_POSTGRES</c> (set by .ci/run), dropped on dispose;
/// its connection string has the schema as search path, so each server starts on empty tables.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "SYNC_TEST_POSTGRES";

    private readonly string _root;
    private readonly string _schema = "srv" + Guid.NewGuid().ToString("N");

    private PostgresDatabase(string root)
    {
        _root = root;
        ConnectionString = new NpgsqlConnectionStringBuilder(root) { SearchPath = _schema }.ToString();
    }

    public string ConnectionString { get; }

    public static string? Root => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase(Root ?? throw new InvalidOperationException($"{Variable} is not set."));
        await database.ExecuteAsync($"CREATE SCHEMA {database._schema}");
        return database;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_root);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
