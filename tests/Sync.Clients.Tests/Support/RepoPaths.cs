namespace Sync.Tests.Support;

/// <summary>Paths of the repository and of the shared data beside it.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory holding Sync.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> beside the repository root.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>The official EMR API model.</summary>
    public static string EmrApiModel => Path.Combine(SharedData, "api-models", "aws-emr", "service-2.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sync.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sync.sln not found above " + AppContext.BaseDirectory);
    }
}
