namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The status of an instance group, fleet or instance.</summary>
[EmrShape("InstanceGroupStatus", "InstanceFleetStatus", "InstanceStatus")]
public sealed class ResourceStatus
{
    /// <summary>The state, e.g. <c>RUNNING</c>.</summary>
    public string? State { get; set; }

    /// <summary>Why it is in that state.</summary>
    public StateChangeReason? StateChangeReason { get; set; }

    /// <summary>When it was created, ready and ended.</summary>
    public EmrTimeline? Timeline { get; set; }
}
