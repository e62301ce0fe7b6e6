namespace Sync.Api;

/// <summary>The user's Sync directory: <c>$SYNC_HOME</c> when set, otherwise <c>~/.sync</c>. The embedded backend keeps <c>sync.db</c> there.</summary>
public static class SyncHome
{
    /// <summary>The environment variable that overrides the directory.</summary>
    public const string Variable = Sync.Engine.SyncDirectory.Variable;

    /// <summary>The directory (not created here).</summary>
    /// <returns>The full path.</returns>
    public static string Resolve()
    {
        return Path.GetFullPath(Sync.Engine.SyncDirectory.Resolve());
    }
}
