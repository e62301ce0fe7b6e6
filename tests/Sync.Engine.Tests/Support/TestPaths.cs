namespace Sync.Engine.Tests.Support;

/// <summary>Where the repository, its test data and the shared real data set (<c>../shared/data</c>) are.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared real data set beside the repository; CI lays it there.</summary>
    public static string SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"The shared real data set is expected at {path} (../shared/data beside the repository); these tests read real event logs from it.");
            }

            return path;
        }
    }

    public static string SharedEventLogs => Path.Combine(SharedData, "eventlogs");

    public static string SharedLog(string relative) => Path.Combine(SharedEventLogs, relative);

    public static string TestData(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    public static string Sample(string relative) => Path.Combine(RepoRoot, "samples", relative);

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
