namespace Sync.Engine;

/// <summary>Identifies the engine assembly and its version.</summary>
public static class EngineInfo
{
    /// <summary>The informational version of the engine assembly.</summary>
    public static string Version => typeof(EngineInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
