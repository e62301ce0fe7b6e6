using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The instances of a <see cref="RunJobFlowInput"/>.</summary>
[EmrShape("JobFlowInstancesConfig")]
public sealed class JobFlowInstancesConfig
{
    /// <summary>Master instance type when groups and fleets are not given.</summary>
    public string? MasterInstanceType { get; set; }

    /// <summary>Core instance type when groups and fleets are not given.</summary>
    public string? SlaveInstanceType { get; set; }

    /// <summary>Number of instances (master included) when groups and fleets are not given.</summary>
    public int? InstanceCount { get; set; }

    /// <summary>Instance groups.</summary>
    public List<InstanceGroupConfig>? InstanceGroups { get; set; }

    /// <summary>Instance fleets.</summary>
    public List<InstanceFleetConfig>? InstanceFleets { get; set; }

    /// <summary>The EC2 key pair.</summary>
    public string? Ec2KeyName { get; set; }

    /// <summary>Whether the cluster stays up when it has no steps left.</summary>
    public bool? KeepJobFlowAliveWhenNoSteps { get; set; }

    /// <summary>Whether the cluster is protected from termination.</summary>
    public bool? TerminationProtected { get; set; }

    /// <summary>The subnet.</summary>
    public string? Ec2SubnetId { get; set; }

    /// <summary>Candidate subnets (fleets).</summary>
    public List<string>? Ec2SubnetIds { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
