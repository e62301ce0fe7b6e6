namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Why a cluster changed state. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("ClusterStateChangeReasonCode")]
public static class ClusterStateChangeReasonCode
{
    /// <summary><c>INTERNAL_ERROR</c>.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary><c>VALIDATION_ERROR</c>.</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    /// <summary><c>INSTANCE_FAILURE</c>.</summary>
    public const string InstanceFailure = "INSTANCE_FAILURE";

    /// <summary><c>INSTANCE_FLEET_TIMEOUT</c>.</summary>
    public const string InstanceFleetTimeout = "INSTANCE_FLEET_TIMEOUT";

    /// <summary><c>BOOTSTRAP_FAILURE</c>.</summary>
    public const string BootstrapFailure = "BOOTSTRAP_FAILURE";

    /// <summary><c>USER_REQUEST</c>.</summary>
    public const string UserRequest = "USER_REQUEST";

    /// <summary><c>STEP_FAILURE</c>.</summary>
    public const string StepFailure = "STEP_FAILURE";

    /// <summary><c>ALL_STEPS_COMPLETED</c>.</summary>
    public const string AllStepsCompleted = "ALL_STEPS_COMPLETED";
}
