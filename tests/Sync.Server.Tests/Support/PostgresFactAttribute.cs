namespace Sync.Server.Tests.Support;

/// <summary>A fact that is skipped, saying why, when <c>SYNC_TEST_POSTGRES</c> is not set (.ci/run sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.Root is null)
        {
            Skip = $"{PostgresDatabase.Variable} is not set: no PostgreSQL to test against (.ci/run starts one).";
        }
    }
}
