namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The states of a step. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("StepState")]
public static class StepState
{
    /// <summary><c>PENDING</c>.</summary>
    public const string Pending = "PENDING";

    /// <summary><c>CANCEL_PENDING</c>.</summary>
    public const string CancelPending = "CANCEL_PENDING";

    /// <summary><c>RUNNING</c>.</summary>
    public const string Running = "RUNNING";

    /// <summary><c>COMPLETED</c>.</summary>
    public const string Completed = "COMPLETED";

    /// <summary><c>CANCELLED</c>.</summary>
    public const string Cancelled = "CANCELLED";

    /// <summary><c>FAILED</c>.</summary>
    public const string Failed = "FAILED";

    /// <summary><c>INTERRUPTED</c>.</summary>
    public const string Interrupted = "INTERRUPTED";
}
