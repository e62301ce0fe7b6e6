using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Where a cluster's instances run.</summary>
[EmrShape("Ec2InstanceAttributes")]
public sealed class Ec2InstanceAttributes
{
    /// <summary>The key pair.</summary>
    public string? Ec2KeyName { get; set; }

    /// <summary>The subnet.</summary>
    public string? Ec2SubnetId { get; set; }

    /// <summary>The availability zone.</summary>
    public string? Ec2AvailabilityZone { get; set; }

    /// <summary>The instance profile.</summary>
    public string? IamInstanceProfile { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
