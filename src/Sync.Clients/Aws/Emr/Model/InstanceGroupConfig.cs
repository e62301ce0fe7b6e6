using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance group to create.</summary>
[EmrShape("InstanceGroupConfig")]
public sealed class InstanceGroupConfig
{
    /// <summary>The group name.</summary>
    public string? Name { get; set; }

    /// <summary><see cref="MarketType"/>: <c>ON_DEMAND</c> or <c>SPOT</c>.</summary>
    public string? Market { get; set; }

    /// <summary><see cref="NodeRole"/>: <c>MASTER</c>, <c>CORE</c> or <c>TASK</c>. Required.</summary>
    public required string InstanceRole { get; set; }

    /// <summary>The spot bid in USD, as text.</summary>
    public string? BidPrice { get; set; }

    /// <summary>The EC2 instance type. Required.</summary>
    public required string InstanceType { get; set; }

    /// <summary>Number of instances. Required.</summary>
    public required int InstanceCount { get; set; }

    /// <summary>Configurations of this group.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>EBS volumes of each instance.</summary>
    public EbsConfiguration? EbsConfiguration { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
