namespace Sync.Clients.Aws.Emr.Model;

/// <summary>What a cluster does when a step fails. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("ActionOnFailure")]
public static class ActionOnFailure
{
    /// <summary><c>TERMINATE_JOB_FLOW</c>.</summary>
    public const string TerminateJobFlow = "TERMINATE_JOB_FLOW";

    /// <summary><c>TERMINATE_CLUSTER</c>.</summary>
    public const string TerminateCluster = "TERMINATE_CLUSTER";

    /// <summary><c>CANCEL_AND_WAIT</c>.</summary>
    public const string CancelAndWait = "CANCEL_AND_WAIT";

    /// <summary><c>CONTINUE</c>.</summary>
    public const string Continue = "CONTINUE";
}
