using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An EC2 instance of a cluster.</summary>
[EmrShape("Instance")]
public sealed class Instance
{
    /// <summary>The EMR instance id.</summary>
    public string? Id { get; set; }

    /// <summary>The EC2 instance id.</summary>
    public string? Ec2InstanceId { get; set; }

    /// <summary>Public DNS name.</summary>
    public string? PublicDnsName { get; set; }

    /// <summary>Private DNS name.</summary>
    public string? PrivateDnsName { get; set; }

    /// <summary>Private IP address.</summary>
    public string? PrivateIpAddress { get; set; }

    /// <summary>State, reason and timeline.</summary>
    public ResourceStatus? Status { get; set; }

    /// <summary>Its group.</summary>
    public string? InstanceGroupId { get; set; }

    /// <summary>Its fleet.</summary>
    public string? InstanceFleetId { get; set; }

    /// <summary><see cref="MarketType"/>.</summary>
    public string? Market { get; set; }

    /// <summary>The EC2 instance type.</summary>
    public string? InstanceType { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
