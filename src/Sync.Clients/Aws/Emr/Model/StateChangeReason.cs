namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Why a cluster, group, fleet, instance or step is in its state.</summary>
[EmrShape("ClusterStateChangeReason", "InstanceGroupStateChangeReason", "InstanceFleetStateChangeReason", "InstanceStateChangeReason", "StepStateChangeReason")]
public sealed class StateChangeReason
{
    /// <summary>The reason code, e.g. <c>USER_REQUEST</c>.</summary>
    public string? Code { get; set; }

    /// <summary>The message.</summary>
    public string? Message { get; set; }
}
