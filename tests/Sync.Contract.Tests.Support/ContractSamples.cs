namespace Sync.Contract.Tests.Support;

/// <summary>The shipped sample run the contract tests predict from, found relative to the repository root.</summary>
public static class ContractSamples
{
    /// <summary>The repository root (the directory holding <c>Sync.sln</c>).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A Databricks event log (zip archive).</summary>
    public static string EventLog => Path.Combine(RepoRoot, "samples/eventlogs/databricks-9.1-m5.4xlarge.zip");

    /// <summary>Its cluster report.</summary>
    public static string Report => Path.Combine(RepoRoot, "samples/reports/databricks-m5-4xlarge-4-workers.json");

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
