using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance fleet to create.</summary>
[EmrShape("InstanceFleetConfig")]
public sealed class InstanceFleetConfig
{
    /// <summary>The fleet name.</summary>
    public string? Name { get; set; }

    /// <summary><see cref="NodeRole"/>: <c>MASTER</c>, <c>CORE</c> or <c>TASK</c>. Required.</summary>
    public required string InstanceFleetType { get; set; }

    /// <summary>On-demand capacity units wanted.</summary>
    public int? TargetOnDemandCapacity { get; set; }

    /// <summary>Spot capacity units wanted.</summary>
    public int? TargetSpotCapacity { get; set; }

    /// <summary>The instance types the fleet may use.</summary>
    public List<InstanceTypeConfig>? InstanceTypeConfigs { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
