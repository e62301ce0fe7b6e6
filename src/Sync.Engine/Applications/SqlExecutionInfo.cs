namespace Sync.Engine.Applications;

/// <summary>One Spark SQL execution (a query or a DataFrame action). Times are Unix epoch milliseconds.</summary>
/// <param name="Id">The execution id.</param>
/// <param name="Description">The description (often the SQL text or the action's call site).</param>
/// <param name="StartTimeMs">When the execution started.</param>
/// <param name="EndTimeMs">When it ended; <see langword="null"/> when the log has no end event for it.</param>
/// <param name="JobIds">The jobs that ran for this execution.</param>
public sealed record SqlExecutionInfo(long Id, string Description, long StartTimeMs, long? EndTimeMs, IReadOnlyList<int> JobIds);
