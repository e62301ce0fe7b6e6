namespace Sync.Engine;

/// <summary>
/// The user's Sync directory, where the embedded store, the configuration and an updated instance catalog live:
/// <c>$SYNC_HOME</c> when set, else <c>~/.sync</c>. The one place that rule is written.
/// </summary>
public static class SyncDirectory
{
    /// <summary>The environment variable that names the directory.</summary>
    public const string Variable = "SYNC_HOME";

    /// <summary>The directory as <paramref name="environment"/> gives it (not normalised).</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The directory path.</returns>
    public static string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment(Variable);
        return string.IsNullOrWhiteSpace(home)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".sync")
            : home;
    }

    /// <summary>The directory from this process's environment.</summary>
    /// <returns>The directory path.</returns>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);
}
