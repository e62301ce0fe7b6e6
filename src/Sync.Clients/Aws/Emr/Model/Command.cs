namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A bootstrap action of a cluster.</summary>
[EmrShape("Command")]
public sealed class Command
{
    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>The script location.</summary>
    public string? ScriptPath { get; set; }

    /// <summary>The arguments.</summary>
    public List<string>? Args { get; set; }
}
