using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sync.Clients.Databricks.Models;

/// <summary>
/// The members of a <c>clusters/get</c> answer that Sync reads; <see cref="Raw"/> keeps the whole answer, so members
/// not modelled here are not lost.
/// </summary>
internal sealed record ClusterDetails
{
    public string ClusterId { get; init; } = "";
    public string? ClusterName { get; init; }
    public string? SparkVersion { get; init; }
    public string? NodeTypeId { get; init; }
    public string? DriverNodeTypeId { get; init; }
    public int? NumWorkers { get; init; }
    public AutoScale? Autoscale { get; init; }
    public AwsAttributes? AwsAttributes { get; init; }
    public Dictionary<string, string>? SparkConf { get; init; }
    public Dictionary<string, string>? CustomTags { get; init; }
    public JsonObject? ClusterLogConf { get; init; }
    public string? State { get; init; }
    public string? StateMessage { get; init; }
    public long? StartTime { get; init; }
    public long? TerminatedTime { get; init; }
    public TerminationReason? TerminationReason { get; init; }
    public SparkNode? Driver { get; init; }
    public List<SparkNode>? Executors { get; init; }
    public long? SparkContextId { get; init; }
    public string? RuntimeEngine { get; init; }
    public string? InstancePoolId { get; init; }
    public string? DriverInstancePoolId { get; init; }
    public string? ClusterSource { get; init; }

    [JsonIgnore]
    public JsonObject Raw { get; init; } = [];
}

/// <summary>Autoscaling range of a cluster.</summary>
internal sealed record AutoScale(int MinWorkers, int MaxWorkers);

/// <summary>The AWS part of a cluster spec.</summary>
internal sealed record AwsAttributes
{
    public string? Availability { get; init; }
    public int? FirstOnDemand { get; init; }
    public string? ZoneId { get; init; }
    public int? SpotBidPricePercent { get; init; }
    public string? EbsVolumeType { get; init; }
    public int? EbsVolumeCount { get; init; }
    public int? EbsVolumeSize { get; init; }
    public int? EbsVolumeIops { get; init; }
    public int? EbsVolumeThroughput { get; init; }
}

/// <summary>Why a cluster terminated: <c>code</c> (e.g. <c>JOB_FINISHED</c>), <c>type</c> (<c>SUCCESS</c>, <c>CLIENT_ERROR</c>, <c>SERVICE_FAULT</c>, <c>CLOUD_FAILURE</c>) and parameters.</summary>
internal sealed record TerminationReason(string? Code, string? Type, Dictionary<string, string>? Parameters);

/// <summary>The driver or an executor node of a cluster.</summary>
internal sealed record SparkNode
{
    public string? PrivateIp { get; init; }
    public string? NodeId { get; init; }
    public string? InstanceId { get; init; }
    public long? StartTimestamp { get; init; }
}
