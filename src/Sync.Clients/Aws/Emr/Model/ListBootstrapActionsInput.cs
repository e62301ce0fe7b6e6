namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>ListBootstrapActions</c>.</summary>
[EmrShape("ListBootstrapActionsInput")]
public sealed class ListBootstrapActionsInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }

    /// <summary>The page to read.</summary>
    public string? Marker { get; set; }
}
