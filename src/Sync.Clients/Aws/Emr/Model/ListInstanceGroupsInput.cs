namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>ListInstanceGroups</c>.</summary>
[EmrShape("ListInstanceGroupsInput")]
public sealed class ListInstanceGroupsInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }

    /// <summary>The page to read (from the previous answer).</summary>
    public string? Marker { get; set; }
}
