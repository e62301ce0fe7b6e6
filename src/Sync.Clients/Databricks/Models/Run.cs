using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sync.Clients.Databricks.Models;

/// <summary>The members of a <c>jobs/runs/get</c> answer that Sync reads; <see cref="Raw"/> keeps the whole answer.</summary>
internal sealed record Run
{
    public long RunId { get; init; }
    public long? JobId { get; init; }
    public string? RunName { get; init; }
    public RunState State { get; init; } = new();
    public long? StartTime { get; init; }
    public long? SetupDuration { get; init; }
    public long? ExecutionDuration { get; init; }
    public long? CleanupDuration { get; init; }
    public long? EndTime { get; init; }
    public long? RunDuration { get; init; }
    public string? RunPageUrl { get; init; }
    public string? RunType { get; init; }
    public List<RunTask>? Tasks { get; init; }
    public ClusterInstance? ClusterInstance { get; init; }

    [JsonIgnore]
    public JsonObject Raw { get; init; } = [];

    /// <summary>The run's cluster: its own <c>cluster_instance</c>, else the first task's.</summary>
    public string? ClusterId => ClusterInstance?.ClusterId ?? Tasks?.Select(t => t.ClusterInstance?.ClusterId).FirstOrDefault(c => c is not null);
}

/// <summary>
/// Where a run is: <c>life_cycle_state</c> (<c>QUEUED</c>, <c>PENDING</c>, <c>RUNNING</c>, <c>TERMINATING</c>,
/// <c>TERMINATED</c>, <c>SKIPPED</c>, <c>INTERNAL_ERROR</c>, …), <c>result_state</c> once terminated (<c>SUCCESS</c>,
/// <c>FAILED</c>, <c>TIMEDOUT</c>, <c>CANCELED</c>, …) and <c>state_message</c>.
/// </summary>
internal sealed record RunState
{
    public string LifeCycleState { get; init; } = "";
    public string? ResultState { get; init; }
    public string? StateMessage { get; init; }
    public bool? UserCancelledOrTimedout { get; init; }

    /// <summary>Whether the run has ended (terminated, skipped or failed internally).</summary>
    public bool IsFinal => LifeCycleState is "TERMINATED" or "SKIPPED" or "INTERNAL_ERROR";
}

/// <summary>One task of a run.</summary>
internal sealed record RunTask
{
    public long RunId { get; init; }
    public string? TaskKey { get; init; }
    public RunState? State { get; init; }
    public ClusterInstance? ClusterInstance { get; init; }
    public JsonObject? NewCluster { get; init; }
    public long? StartTime { get; init; }
    public long? SetupDuration { get; init; }
    public long? ExecutionDuration { get; init; }
    public long? CleanupDuration { get; init; }
    public long? EndTime { get; init; }
}

/// <summary>The cluster (and Spark context) a run or task ran on.</summary>
internal sealed record ClusterInstance(string? ClusterId, string? SparkContextId);

/// <summary>The answer of <c>jobs/runs/get-output</c> (of a task run).</summary>
internal sealed record RunOutput
{
    public Run? Metadata { get; init; }
    public string? Error { get; init; }
    public string? ErrorTrace { get; init; }
    public string? Logs { get; init; }
    public JsonObject? NotebookOutput { get; init; }
}
