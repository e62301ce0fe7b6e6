using System.Text.Json.Nodes;

namespace Sync.AwsDatabricks.Tests;

/// <summary>Paths of the shared real data beside the repository.</summary>
internal static class TestData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Shared(params string[] parts) => Path.Combine([RepoRoot, "..", "shared", "data", .. parts]);

    public static string DatabricksEventLog => Shared("eventlogs", "synccomputingcode-spark_log_parser", "tests", "logs", "databricks.zip");

    public static JsonObject ClusterSpec(params string[] parts) => JsonNode.Parse(File.ReadAllText(Shared(["cluster-specs", .. parts])))!.AsObject();

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
