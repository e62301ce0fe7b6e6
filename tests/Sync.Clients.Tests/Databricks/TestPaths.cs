namespace Sync.Clients.Tests.Databricks;

/// <summary>Paths of the repository and of the shared real data beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DatabricksEventLog { get; } =
        Path.Combine(RepoRoot, "..", "shared", "data", "eventlogs", "synccomputingcode-spark_log_parser", "tests", "logs", "databricks.zip");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sync.sln not found above " + AppContext.BaseDirectory);
    }
}
