using Sync.Clients.Aws.Emr.Model;

namespace Sync.AwsEmr.Runs;

/// <summary>A cluster's state as <see cref="EmrClient.WaitForClusterAsync"/> reports it while waiting and when the cluster has ended.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="State">The EMR state (<see cref="ClusterState"/>, e.g. <c>RUNNING</c>).</param>
/// <param name="ReasonCode">The state-change reason code (e.g. <c>ALL_STEPS_COMPLETED</c>, <c>BOOTSTRAP_FAILURE</c>), if any.</param>
/// <param name="ReasonMessage">The state-change reason message, if any.</param>
public sealed record EmrClusterStatus(string ClusterId, string State, string? ReasonCode, string? ReasonMessage)
{
    /// <summary>Whether the cluster has ended (<c>TERMINATED</c> or <c>TERMINATED_WITH_ERRORS</c>).</summary>
    public bool IsTerminated => State is ClusterState.Terminated or ClusterState.TerminatedWithErrors;

    /// <summary>Whether the cluster ended with errors (<c>TERMINATED_WITH_ERRORS</c>).</summary>
    public bool IsFailed => State == ClusterState.TerminatedWithErrors;

    /// <summary>The reason as one line (<c>CODE: message</c>), or <see langword="null"/> when EMR gave none.</summary>
    public string? Reason => (ReasonCode, ReasonMessage) switch
    {
        (null, null) => null,
        (null, { } message) => message,
        ({ } code, null) => code,
        ({ } code, { } message) => $"{code}: {message}",
    };

    /// <inheritdoc/>
    public override string ToString() => Reason is null ? $"{ClusterId} {State}" : $"{ClusterId} {State} ({Reason})";

    internal static EmrClusterStatus From(Cluster cluster, string clusterId) =>
        new(cluster.Id ?? clusterId, cluster.Status?.State ?? "UNKNOWN", cluster.Status?.StateChangeReason?.Code, cluster.Status?.StateChangeReason?.Message);
}
