namespace Sync.Clients.Aws.Emr.Model;

/// <summary>One page of <c>ListBootstrapActions</c>.</summary>
[EmrShape("ListBootstrapActionsOutput")]
public sealed class ListBootstrapActionsOutput
{
    /// <summary>The bootstrap actions.</summary>
    public List<Command>? BootstrapActions { get; set; }

    /// <summary>The next page, or <see langword="null"/> at the end.</summary>
    public string? Marker { get; set; }
}
