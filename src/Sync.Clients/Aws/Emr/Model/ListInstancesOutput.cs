namespace Sync.Clients.Aws.Emr.Model;

/// <summary>One page of <c>ListInstances</c>.</summary>
[EmrShape("ListInstancesOutput")]
public sealed class ListInstancesOutput
{
    /// <summary>The instances.</summary>
    public List<Instance>? Instances { get; set; }

    /// <summary>The next page, or <see langword="null"/> at the end.</summary>
    public string? Marker { get; set; }
}
