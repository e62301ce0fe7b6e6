namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>TerminateJobFlows</c>.</summary>
[EmrShape("TerminateJobFlowsInput")]
public sealed class TerminateJobFlowsInput
{
    /// <summary>The clusters to terminate. Required.</summary>
    public required List<string> JobFlowIds { get; set; }
}
