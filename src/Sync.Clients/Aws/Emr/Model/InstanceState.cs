namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The states of an instance. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("InstanceState")]
public static class InstanceState
{
    /// <summary><c>AWAITING_FULFILLMENT</c>.</summary>
    public const string AwaitingFulfillment = "AWAITING_FULFILLMENT";

    /// <summary><c>PROVISIONING</c>.</summary>
    public const string Provisioning = "PROVISIONING";

    /// <summary><c>BOOTSTRAPPING</c>.</summary>
    public const string Bootstrapping = "BOOTSTRAPPING";

    /// <summary><c>RUNNING</c>.</summary>
    public const string Running = "RUNNING";

    /// <summary><c>TERMINATED</c>.</summary>
    public const string Terminated = "TERMINATED";
}
