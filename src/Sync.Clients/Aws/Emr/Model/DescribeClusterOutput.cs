namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The answer of <c>DescribeCluster</c>.</summary>
[EmrShape("DescribeClusterOutput")]
public sealed class DescribeClusterOutput
{
    /// <summary>The cluster.</summary>
    public Cluster? Cluster { get; set; }
}
