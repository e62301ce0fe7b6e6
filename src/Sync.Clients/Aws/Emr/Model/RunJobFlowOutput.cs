namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The answer of <c>RunJobFlow</c>.</summary>
[EmrShape("RunJobFlowOutput")]
public sealed class RunJobFlowOutput
{
    /// <summary>The new cluster's id (<c>j-…</c>).</summary>
    public string? JobFlowId { get; set; }

    /// <summary>The new cluster's ARN.</summary>
    public string? ClusterArn { get; set; }
}
