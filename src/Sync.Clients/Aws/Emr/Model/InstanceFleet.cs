using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An instance fleet of a cluster.</summary>
[EmrShape("InstanceFleet")]
public sealed class InstanceFleet
{
    /// <summary>The id (<c>if-…</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>State, reason and timeline.</summary>
    public ResourceStatus? Status { get; set; }

    /// <summary><see cref="NodeRole"/>.</summary>
    public string? InstanceFleetType { get; set; }

    /// <summary>On-demand capacity wanted.</summary>
    public int? TargetOnDemandCapacity { get; set; }

    /// <summary>Spot capacity wanted.</summary>
    public int? TargetSpotCapacity { get; set; }

    /// <summary>On-demand capacity provisioned.</summary>
    public int? ProvisionedOnDemandCapacity { get; set; }

    /// <summary>Spot capacity provisioned.</summary>
    public int? ProvisionedSpotCapacity { get; set; }

    /// <summary>The instance types the fleet may use.</summary>
    public List<InstanceTypeSpecification>? InstanceTypeSpecifications { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
