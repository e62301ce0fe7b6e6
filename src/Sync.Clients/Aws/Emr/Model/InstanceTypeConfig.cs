using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance type a fleet may use, with its weight.</summary>
[EmrShape("InstanceTypeConfig")]
public sealed class InstanceTypeConfig
{
    /// <summary>The EC2 instance type. Required.</summary>
    public required string InstanceType { get; set; }

    /// <summary>Capacity units one instance counts for.</summary>
    public int? WeightedCapacity { get; set; }

    /// <summary>The spot bid in USD, as text.</summary>
    public string? BidPrice { get; set; }

    /// <summary>The spot bid as a percentage of the on-demand price.</summary>
    public double? BidPriceAsPercentageOfOnDemandPrice { get; set; }

    /// <summary>EBS volumes of each instance.</summary>
    public EbsConfiguration? EbsConfiguration { get; set; }

    /// <summary>Configurations of this type.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
