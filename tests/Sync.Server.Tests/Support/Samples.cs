using System.Text.Json;

namespace Sync.Server.Tests.Support;

/// <summary>The sample event log and cluster report of the repository.</summary>
public static class Samples
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string EventLog => Path.Combine(RepoRoot, "samples/eventlogs/databricks-9.1-m5.4xlarge.zip");

    public static JsonElement Report => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "samples/reports/databricks-m5-4xlarge-4-workers.json"))).RootElement.Clone();

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
