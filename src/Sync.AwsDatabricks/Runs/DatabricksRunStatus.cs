namespace Sync.AwsDatabricks.Runs;

/// <summary>Where a Databricks job run is.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="LifeCycleState"><c>PENDING</c>, <c>RUNNING</c>, <c>TERMINATING</c>, <c>TERMINATED</c>, <c>SKIPPED</c>, <c>INTERNAL_ERROR</c>, …</param>
/// <param name="ResultState">Once finished: <c>SUCCESS</c>, <c>FAILED</c>, <c>TIMEDOUT</c>, <c>CANCELED</c>, …</param>
/// <param name="StateMessage">The workspace's message (why a run failed).</param>
/// <param name="ClusterId">The run's cluster, once it has one.</param>
/// <param name="StartTime">When the run started.</param>
/// <param name="EndTime">When it ended.</param>
/// <param name="RunPageUrl">The run's page in the workspace.</param>
public sealed record DatabricksRunStatus(
    long RunId, string LifeCycleState, string? ResultState, string? StateMessage, string? ClusterId, DateTimeOffset? StartTime, DateTimeOffset? EndTime, string? RunPageUrl)
{
    /// <summary>Whether the run has ended (terminated, skipped or failed internally).</summary>
    public bool IsFinished => LifeCycleState is "TERMINATED" or "SKIPPED" or "INTERNAL_ERROR";

    /// <summary>Whether the run ended successfully.</summary>
    public bool Succeeded => IsFinished && ResultState == "SUCCESS";
}
