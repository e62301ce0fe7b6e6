namespace Sync.Engine.Summaries;

/// <summary>Jobs and stages.</summary>
/// <param name="Jobs">Jobs.</param>
/// <param name="FailedJobs">Jobs that failed.</param>
/// <param name="StageAttempts">Stage attempts submitted.</param>
/// <param name="FailedStageAttempts">Stage attempts that failed.</param>
/// <param name="SkippedStages">Stages announced but skipped (output reused).</param>
/// <param name="SqlExecutions">SQL executions.</param>
public sealed record JobSection(int Jobs, int FailedJobs, int StageAttempts, int FailedStageAttempts, int SkippedStages, int SqlExecutions);
