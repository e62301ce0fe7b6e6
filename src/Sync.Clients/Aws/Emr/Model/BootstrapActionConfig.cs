namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A bootstrap action to run.</summary>
[EmrShape("BootstrapActionConfig")]
public sealed class BootstrapActionConfig
{
    /// <summary>The name. Required.</summary>
    public required string Name { get; set; }

    /// <summary>The script. Required.</summary>
    public required ScriptBootstrapActionConfig ScriptBootstrapAction { get; set; }
}
