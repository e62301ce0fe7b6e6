namespace Sync.Server.Hosting;

/// <summary>Default locations of the server's files.</summary>
internal static class ServerPaths
{
    /// <summary><paramref name="configured"/> when set, else <c>$SYNC_HOME/server</c>, else <c>~/.sync/server</c>.</summary>
    public static string ResolveDataDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var home = Environment.GetEnvironmentVariable("SYNC_HOME");
        home = string.IsNullOrWhiteSpace(home) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".sync") : home;
        return Path.GetFullPath(Path.Combine(home, "server"));
    }
}
