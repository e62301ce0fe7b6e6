using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
