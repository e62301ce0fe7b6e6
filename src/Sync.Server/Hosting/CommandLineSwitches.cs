namespace Sync.Server.Hosting;

/// <summary>The short command-line switches of the server, mapped onto <see cref="SyncServerOptions"/> keys.</summary>
internal static class CommandLineSwitches
{
    public static IDictionary<string, string> Mappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--database"] = "Sync:Database:ConnectionString",
        ["--db-provider"] = "Sync:Database:Provider",
        ["--data-dir"] = "Sync:DataDirectory",
        ["--token-lifetime"] = "Sync:TokenLifetimeSeconds",
        ["--allow-local-event-logs"] = "Sync:AllowLocalEventLogs",
        ["--max-concurrent-predictions"] = "Sync:MaxConcurrentPredictions",
    };
}
