namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The script of a bootstrap action.</summary>
[EmrShape("ScriptBootstrapActionConfig")]
public sealed class ScriptBootstrapActionConfig
{
    /// <summary>The script location. Required.</summary>
    public required string Path { get; set; }

    /// <summary>The arguments.</summary>
    public List<string>? Args { get; set; }
}
