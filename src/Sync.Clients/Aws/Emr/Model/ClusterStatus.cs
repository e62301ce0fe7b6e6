namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The status of a <see cref="Cluster"/>.</summary>
[EmrShape("ClusterStatus")]
public sealed class ClusterStatus
{
    /// <summary><see cref="ClusterState"/>.</summary>
    public string? State { get; set; }

    /// <summary>Why it is in that state.</summary>
    public StateChangeReason? StateChangeReason { get; set; }

    /// <summary>When it was created, ready and ended.</summary>
    public EmrTimeline? Timeline { get; set; }
}
