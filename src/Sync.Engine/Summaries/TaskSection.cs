namespace Sync.Engine.Summaries;

/// <summary>Task totals.</summary>
/// <param name="Count">Finished task attempts.</param>
/// <param name="Failed">Failed attempts.</param>
/// <param name="Killed">Killed attempts.</param>
/// <param name="Speculative">Speculative attempts.</param>
/// <param name="Unfinished">Attempts started but not finished when the log ended.</param>
/// <param name="TaskTimeMs">Sum of attempt durations (launch to finish).</param>
/// <param name="BusyCoreMs">Task time times CPUs per task (<c>spark.task.cpus</c>).</param>
/// <param name="CoreUtilisation">Busy core time divided by available core time (0..1).</param>
/// <param name="ExecutorRunTimeMs">Sum of executor run time.</param>
/// <param name="ExecutorCpuTimeMs">Sum of executor CPU time.</param>
/// <param name="GcTimeMs">Sum of JVM GC time.</param>
/// <param name="GcShare">GC time over executor run time (0..1).</param>
/// <param name="FailureReasons">The most frequent failure reasons.</param>
public sealed record TaskSection(
    int Count, int Failed, int Killed, int Speculative, int Unfinished, long TaskTimeMs, long BusyCoreMs, double CoreUtilisation,
    long ExecutorRunTimeMs, long ExecutorCpuTimeMs, long GcTimeMs, double GcShare, IReadOnlyList<CountByReason> FailureReasons);
