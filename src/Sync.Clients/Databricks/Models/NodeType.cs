namespace Sync.Clients.Databricks.Models;

/// <summary>One entry of <c>clusters/list-node-types</c>.</summary>
internal sealed record NodeType
{
    public string NodeTypeId { get; init; } = "";
    public long MemoryMb { get; init; }
    public double NumCores { get; init; }
    public string? Description { get; init; }
    public string? InstanceTypeId { get; init; }
    public string? Category { get; init; }
    public bool IsDeprecated { get; init; }
    public bool? PhotonWorkerCapable { get; init; }
    public NodeInstanceType? NodeInstanceType { get; init; }

    /// <summary>The EC2 instance type behind the node type: <c>node_instance_type.instance_type_id</c>, else <c>instance_type_id</c>, else the node type id.</summary>
    public string Ec2InstanceType => NodeInstanceType?.InstanceTypeId ?? InstanceTypeId ?? NodeTypeId;
}

/// <summary>The cloud instance of a <see cref="NodeType"/>.</summary>
internal sealed record NodeInstanceType(string InstanceTypeId, int? LocalDisks, int? LocalDiskSizeGb);

/// <summary>The answer of <c>clusters/list-node-types</c>.</summary>
internal sealed record NodeTypeList(List<NodeType> NodeTypes);
