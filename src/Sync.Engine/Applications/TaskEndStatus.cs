namespace Sync.Engine.Applications;

/// <summary>How a task attempt ended, from the <c>Reason</c> of its <c>Task End Reason</c>.</summary>
public enum TaskEndStatus : byte
{
    /// <summary><c>Success</c>.</summary>
    Success,
    /// <summary>Failed: <c>ExceptionFailure</c>, <c>FetchFailed</c>, <c>ExecutorLostFailure</c>, <c>TaskResultLost</c>, <c>TaskCommitDenied</c> or an unknown reason.</summary>
    Failed,
    /// <summary><c>TaskKilled</c> (e.g. the losing copy of a speculative task).</summary>
    Killed,
    /// <summary><c>Resubmitted</c>: a finished shuffle-map task whose output was lost and that will run again.</summary>
    Resubmitted,
}
