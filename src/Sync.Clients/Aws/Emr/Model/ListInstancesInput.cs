namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>ListInstances</c>, with optional filters.</summary>
[EmrShape("ListInstancesInput")]
public sealed class ListInstancesInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }

    /// <summary>Only this group.</summary>
    public string? InstanceGroupId { get; set; }

    /// <summary>Only these group types.</summary>
    public List<string>? InstanceGroupTypes { get; set; }

    /// <summary>Only this fleet.</summary>
    public string? InstanceFleetId { get; set; }

    /// <summary>Only this fleet type.</summary>
    public string? InstanceFleetType { get; set; }

    /// <summary>Only these states.</summary>
    public List<string>? InstanceStates { get; set; }

    /// <summary>The page to read.</summary>
    public string? Marker { get; set; }
}
