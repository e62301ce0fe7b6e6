namespace Sync.Engine.Applications;

/// <summary>
/// One executor (or the driver, in local mode) over its lifetime, from <c>SparkListenerExecutorAdded</c>,
/// <c>SparkListenerExecutorRemoved</c> and <c>SparkListenerBlockManagerAdded</c>. Times are Unix epoch milliseconds.
/// </summary>
/// <param name="Id">The executor id (<c>"1"</c>, <c>"driver"</c>, …).</param>
/// <param name="Host">The host the executor ran on.</param>
/// <param name="Cores">Total cores of the executor.</param>
/// <param name="AddedTimeMs">When the executor was added.</param>
/// <param name="RemovedTimeMs">When it was removed; <see langword="null"/> when it lived to the end of the log.</param>
/// <param name="RemovedReason">Spark's reason for the removal, when removed.</param>
/// <param name="MaxMemoryBytes">Storage memory of its block manager, when the log has it.</param>
/// <param name="ResourceProfileId">The stage-level resource profile the executor was started for (0 = default).</param>
public sealed record ExecutorInfo(
    string Id,
    string Host,
    int Cores,
    long AddedTimeMs,
    long? RemovedTimeMs,
    string? RemovedReason,
    long? MaxMemoryBytes,
    int ResourceProfileId)
{
    /// <summary>Whether this entry is the driver (executor id <c>driver</c>, as in local mode).</summary>
    public bool IsDriver => Id == "driver";
}
