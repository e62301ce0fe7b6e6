namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Whether a cluster uses instance groups or fleets. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("InstanceCollectionType")]
public static class InstanceCollectionType
{
    /// <summary><c>INSTANCE_FLEET</c>.</summary>
    public const string InstanceFleet = "INSTANCE_FLEET";

    /// <summary><c>INSTANCE_GROUP</c>.</summary>
    public const string InstanceGroup = "INSTANCE_GROUP";
}
