namespace Sync.Engine.Applications;

/// <summary>How a Spark job ended.</summary>
public enum JobOutcome
{
    /// <summary>The log has no <c>SparkListenerJobEnd</c> for the job (it was running when the log ended).</summary>
    Unknown,
    /// <summary><c>JobSucceeded</c>.</summary>
    Succeeded,
    /// <summary><c>JobFailed</c>.</summary>
    Failed,
}

/// <summary>One Spark job, from <c>SparkListenerJobStart</c> and <c>SparkListenerJobEnd</c>. Times are Unix epoch milliseconds.</summary>
/// <param name="Id">The job id.</param>
/// <param name="SubmissionTimeMs">When the job was submitted; <see langword="null"/> when the log has its end event but not its start.</param>
/// <param name="CompletionTimeMs">When it completed; <see langword="null"/> when the log has no end event for it.</param>
/// <param name="StageIds">The stages of the job, including ones Spark skipped because their output already existed.</param>
/// <param name="Outcome">How the job ended.</param>
/// <param name="FailureReason">The exception message of a failed job.</param>
/// <param name="SqlExecutionId">The SQL execution the job belongs to (<c>spark.sql.execution.id</c>), if any.</param>
/// <param name="JobGroup">The job group (<c>spark.jobGroup.id</c>), if any.</param>
public sealed record JobInfo(
    int Id,
    long? SubmissionTimeMs,
    long? CompletionTimeMs,
    IReadOnlyList<int> StageIds,
    JobOutcome Outcome,
    string? FailureReason,
    long? SqlExecutionId,
    string? JobGroup);
