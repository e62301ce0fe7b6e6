using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance type of a fleet as described by <c>ListInstanceFleets</c>.</summary>
[EmrShape("InstanceTypeSpecification")]
public sealed class InstanceTypeSpecification
{
    /// <summary>The EC2 instance type.</summary>
    public string? InstanceType { get; set; }

    /// <summary>Capacity units one instance counts for.</summary>
    public int? WeightedCapacity { get; set; }

    /// <summary>The spot bid.</summary>
    public string? BidPrice { get; set; }

    /// <summary>The spot bid as a percentage of on-demand.</summary>
    public double? BidPriceAsPercentageOfOnDemandPrice { get; set; }

    /// <summary>Configurations of this type.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>EBS volumes, one entry per volume.</summary>
    public List<EbsBlockDevice>? EbsBlockDevices { get; set; }

    /// <summary>Whether EBS-optimised.</summary>
    public bool? EbsOptimized { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
