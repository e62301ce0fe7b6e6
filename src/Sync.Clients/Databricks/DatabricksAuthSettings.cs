namespace Sync.Clients.Databricks;

/// <summary>
/// What the caller set explicitly; anything left <see langword="null"/> is taken from the environment
/// (<c>DATABRICKS_HOST</c>, <c>DATABRICKS_TOKEN</c>, <c>DATABRICKS_CONFIG_PROFILE</c>, <c>DATABRICKS_CONFIG_FILE</c>) or a
/// profile of the configuration file (<c>~/.databrickscfg</c>).
/// </summary>
internal sealed record DatabricksAuthSettings(string? Host = null, string? Token = null, string? Profile = null, string? ConfigFile = null)
{
    public override string ToString() => $"host={Host ?? "-"}, token={(Token is null ? "-" : "***")}, profile={Profile ?? "-"}, configFile={ConfigFile ?? "-"}";
}
