namespace Sync.Clients.Databricks.Models;

/// <summary>One event of <c>clusters/events</c>: its <c>type</c> (<c>CREATING</c>, <c>RUNNING</c>, <c>RESIZING</c>, <c>UPSIZE_COMPLETED</c>, <c>NODES_LOST</c>, <c>TERMINATING</c>, …), time and details.</summary>
internal sealed record ClusterEvent
{
    public string ClusterId { get; init; } = "";
    public long Timestamp { get; init; }
    public string Type { get; init; } = "";
    public ClusterEventDetails? Details { get; init; }
}

/// <summary>The details of a <see cref="ClusterEvent"/> that Sync reads.</summary>
internal sealed record ClusterEventDetails
{
    public int? CurrentNumWorkers { get; init; }
    public int? TargetNumWorkers { get; init; }
    public TerminationReason? Reason { get; init; }
    public string? Cause { get; init; }
    public string? User { get; init; }
    public string? DidNotExpandReason { get; init; }
}
