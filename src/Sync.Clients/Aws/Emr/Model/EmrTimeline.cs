namespace Sync.Clients.Aws.Emr.Model;

/// <summary>When a cluster, group, fleet or instance was created, ready and ended (epoch seconds on the wire).</summary>
[EmrShape("ClusterTimeline", "InstanceGroupTimeline", "InstanceFleetTimeline", "InstanceTimeline")]
public sealed class EmrTimeline
{
    /// <summary>Created.</summary>
    public DateTimeOffset? CreationDateTime { get; set; }

    /// <summary>Ready.</summary>
    public DateTimeOffset? ReadyDateTime { get; set; }

    /// <summary>Ended.</summary>
    public DateTimeOffset? EndDateTime { get; set; }
}
