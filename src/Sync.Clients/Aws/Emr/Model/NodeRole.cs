namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The roles of instance groups and fleets. (the values of the EMR enum; members carry them as strings so that new values do not break reading).</summary>
[EmrShape("InstanceRoleType", "InstanceGroupType", "InstanceFleetType")]
public static class NodeRole
{
    /// <summary><c>MASTER</c>.</summary>
    public const string Master = "MASTER";

    /// <summary><c>CORE</c>.</summary>
    public const string Core = "CORE";

    /// <summary><c>TASK</c>.</summary>
    public const string Task = "TASK";
}
