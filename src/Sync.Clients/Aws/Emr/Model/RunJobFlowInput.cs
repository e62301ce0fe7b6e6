using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>RunJobFlow</c>: the cluster to start. Members not modelled here are kept in <see cref="AdditionalMembers"/>, so a user's spec round-trips.</summary>
[EmrShape("RunJobFlowInput")]
public sealed class RunJobFlowInput
{
    /// <summary>The cluster name. Required.</summary>
    public required string Name { get; set; }

    /// <summary>Where EMR writes the cluster's logs (an S3 URI).</summary>
    public string? LogUri { get; set; }

    /// <summary>The EMR release, e.g. <c>emr-6.15.0</c>.</summary>
    public string? ReleaseLabel { get; set; }

    /// <summary>The instances: groups, fleets or uniform master/core types. Required.</summary>
    public required JobFlowInstancesConfig Instances { get; set; }

    /// <summary>Steps to run.</summary>
    public List<StepConfig>? Steps { get; set; }

    /// <summary>Scripts run on each node before applications start.</summary>
    public List<BootstrapActionConfig>? BootstrapActions { get; set; }

    /// <summary>Applications to install, e.g. Spark.</summary>
    public List<Application>? Applications { get; set; }

    /// <summary>Configuration classifications, e.g. <c>spark-defaults</c>.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>Whether all IAM users of the account can see the cluster.</summary>
    public bool? VisibleToAllUsers { get; set; }

    /// <summary>The EC2 instance profile.</summary>
    public string? JobFlowRole { get; set; }

    /// <summary>The EMR service role.</summary>
    public string? ServiceRole { get; set; }

    /// <summary>Tags of the cluster.</summary>
    public List<Tag>? Tags { get; set; }

    /// <summary>The name of a security configuration.</summary>
    public string? SecurityConfiguration { get; set; }

    /// <summary>The role for automatic scaling.</summary>
    public string? AutoScalingRole { get; set; }

    /// <summary>How nodes are removed when scaling down.</summary>
    public string? ScaleDownBehavior { get; set; }

    /// <summary>Root volume size in GiB.</summary>
    public int? EbsRootVolumeSize { get; set; }

    /// <summary>How many steps may run at once.</summary>
    public int? StepConcurrencyLevel { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
