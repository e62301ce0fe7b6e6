using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A cluster as <c>DescribeCluster</c> describes it.</summary>
[EmrShape("Cluster")]
public sealed class Cluster
{
    /// <summary>The id (<c>j-…</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>State, reason and timeline.</summary>
    public ClusterStatus? Status { get; set; }

    /// <summary>Where the instances run.</summary>
    public Ec2InstanceAttributes? Ec2InstanceAttributes { get; set; }

    /// <summary><see cref="InstanceCollectionType"/>: groups or fleets.</summary>
    public string? InstanceCollectionType { get; set; }

    /// <summary>Where EMR writes logs.</summary>
    public string? LogUri { get; set; }

    /// <summary>The EMR release.</summary>
    public string? ReleaseLabel { get; set; }

    /// <summary>Whether the cluster ends after its steps.</summary>
    public bool? AutoTerminate { get; set; }

    /// <summary>Whether termination protection is on.</summary>
    public bool? TerminationProtected { get; set; }

    /// <summary>Whether all IAM users see it.</summary>
    public bool? VisibleToAllUsers { get; set; }

    /// <summary>Installed applications.</summary>
    public List<Application>? Applications { get; set; }

    /// <summary>Tags.</summary>
    public List<Tag>? Tags { get; set; }

    /// <summary>The EMR service role.</summary>
    public string? ServiceRole { get; set; }

    /// <summary>Normalised instance hours so far.</summary>
    public int? NormalizedInstanceHours { get; set; }

    /// <summary>The master node's DNS name.</summary>
    public string? MasterPublicDnsName { get; set; }

    /// <summary>The configurations the cluster was started with.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>The ARN.</summary>
    public string? ClusterArn { get; set; }

    /// <summary>How many steps may run at once.</summary>
    public int? StepConcurrencyLevel { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
