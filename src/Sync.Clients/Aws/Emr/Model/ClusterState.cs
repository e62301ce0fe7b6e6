namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The states of a cluster. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("ClusterState")]
public static class ClusterState
{
    /// <summary><c>STARTING</c>.</summary>
    public const string Starting = "STARTING";

    /// <summary><c>BOOTSTRAPPING</c>.</summary>
    public const string Bootstrapping = "BOOTSTRAPPING";

    /// <summary><c>RUNNING</c>.</summary>
    public const string Running = "RUNNING";

    /// <summary><c>WAITING</c>.</summary>
    public const string Waiting = "WAITING";

    /// <summary><c>TERMINATING</c>.</summary>
    public const string Terminating = "TERMINATING";

    /// <summary><c>TERMINATED</c>.</summary>
    public const string Terminated = "TERMINATED";

    /// <summary><c>TERMINATED_WITH_ERRORS</c>.</summary>
    public const string TerminatedWithErrors = "TERMINATED_WITH_ERRORS";
}
