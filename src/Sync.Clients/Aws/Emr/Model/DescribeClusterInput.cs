namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>DescribeCluster</c>.</summary>
[EmrShape("DescribeClusterInput")]
public sealed class DescribeClusterInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }
}
