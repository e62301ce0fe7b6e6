using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance group of a cluster.</summary>
[EmrShape("InstanceGroup")]
public sealed class InstanceGroup
{
    /// <summary>The id (<c>ig-…</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary><see cref="MarketType"/>.</summary>
    public string? Market { get; set; }

    /// <summary><see cref="NodeRole"/>.</summary>
    public string? InstanceGroupType { get; set; }

    /// <summary>The spot bid.</summary>
    public string? BidPrice { get; set; }

    /// <summary>The EC2 instance type.</summary>
    public string? InstanceType { get; set; }

    /// <summary>Instances requested.</summary>
    public int? RequestedInstanceCount { get; set; }

    /// <summary>Instances running now.</summary>
    public int? RunningInstanceCount { get; set; }

    /// <summary>State, reason and timeline.</summary>
    public ResourceStatus? Status { get; set; }

    /// <summary>Configurations of the group.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>EBS volumes of each instance, one entry per volume.</summary>
    public List<EbsBlockDevice>? EbsBlockDevices { get; set; }

    /// <summary>Whether the instances are EBS-optimised.</summary>
    public bool? EbsOptimized { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
