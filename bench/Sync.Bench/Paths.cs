namespace Sync.Bench;

internal static class Paths
{
    public const string PlainName = "eventlog.json";
    public const string ZstdName = "eventlog.json.zst";

    /// <summary>The repository root: the first folder up from the working directory (then from the binary) holding Sync.sln.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sync.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>A path given on the command line: absolute, or relative to the repository root.</summary>
    public static string FromRoot(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(RepoRoot(), path));

    public static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    public static string? FindOnPath(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
