namespace Sync.Clients.Aws.Emr.Model;

/// <summary>One page of <c>ListInstanceGroups</c>.</summary>
[EmrShape("ListInstanceGroupsOutput")]
public sealed class ListInstanceGroupsOutput
{
    /// <summary>The groups.</summary>
    public List<InstanceGroup>? InstanceGroups { get; set; }

    /// <summary>The next page, or <see langword="null"/> at the end.</summary>
    public string? Marker { get; set; }
}
