namespace Sync.Engine.Applications;

/// <summary>How a stage attempt ended.</summary>
public enum StageOutcome
{
    /// <summary>Announced in a job but never submitted: Spark reused its output (a skipped stage).</summary>
    Skipped,
    /// <summary>Submitted but not completed when the log ended.</summary>
    Running,
    /// <summary>Completed without a failure reason.</summary>
    Succeeded,
    /// <summary>Completed with a failure reason (including fetch failures that led to a retry).</summary>
    Failed,
}

/// <summary>
/// One attempt of a stage, from the stage infos of <c>SparkListenerJobStart</c>, <c>SparkListenerStageSubmitted</c>
/// and <c>SparkListenerStageCompleted</c>. Times are Unix epoch milliseconds.
/// </summary>
/// <param name="StageId">The stage id.</param>
/// <param name="AttemptId">The attempt number (0 for the first attempt).</param>
/// <param name="Name">The stage name (the call site, e.g. <c>count at Foo.scala:12</c>).</param>
/// <param name="TaskCount">Number of tasks (partitions) the attempt was submitted with.</param>
/// <param name="ParentIds">Stages whose output this stage reads.</param>
/// <param name="JobId">The job that first announced this stage; -1 when no job did.</param>
/// <param name="SubmissionTimeMs">When the attempt was submitted.</param>
/// <param name="CompletionTimeMs">When it completed.</param>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="FailureReason">Spark's failure reason of a failed attempt.</param>
/// <param name="RddCount">Number of RDDs in the stage's lineage.</param>
/// <param name="ResourceProfileId">The stage-level resource profile (0 = default).</param>
public sealed record StageAttemptInfo(
    int StageId,
    int AttemptId,
    string Name,
    int TaskCount,
    IReadOnlyList<int> ParentIds,
    int JobId,
    long? SubmissionTimeMs,
    long? CompletionTimeMs,
    StageOutcome Outcome,
    string? FailureReason,
    int RddCount,
    int ResourceProfileId)
{
    /// <summary>Completion minus submission, when both are known.</summary>
    public long? DurationMs => SubmissionTimeMs is { } s && CompletionTimeMs is { } c ? c - s : null;

    /// <summary>
    /// Bytes of the RDDs of the stage's lineage that were cached in executor memory when the stage completed (the sum
    /// of their <c>Memory Size</c>); 0 when none were or the log does not say.
    /// </summary>
    public long CachedBytes { get; init; }

    /// <summary>
    /// The persisted RDDs of the stage's lineage (<see cref="PersistedRddInfo"/>), with the largest cached sizes any of
    /// its stage events reported; empty when it has none or the log does not list RDDs.
    /// </summary>
    public IReadOnlyList<PersistedRddInfo> PersistedRdds { get; init; } = [];
}
