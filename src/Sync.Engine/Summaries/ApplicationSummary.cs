namespace Sync.Engine.Summaries;

/// <summary>
/// What a Spark engineer wants first from an event log, computed by <see cref="ApplicationSummarizer"/>. Serialised
/// as the stable <c>--output json</c> of <c>sync-cli eventlog summarize</c> (see <c>docs/eventlog-summary.md</c>).
/// Times are milliseconds (epoch milliseconds for points in time), sizes are bytes.
/// </summary>
/// <param name="SchemaVersion">Version of this shape; bumped on any breaking change.</param>
/// <param name="Application">Identity and lifetime.</param>
/// <param name="Time">Wall time split into time with tasks running and driver-only time.</param>
/// <param name="Executors">Executors and cores over time.</param>
/// <param name="Tasks">Task totals, utilisation and GC.</param>
/// <param name="Io">Input, output, shuffle and spill volumes.</param>
/// <param name="Jobs">Job and stage counts and failures.</param>
/// <param name="TopStages">The stages that took longest, with their skew.</param>
/// <param name="Read">What the reader read and skipped.</param>
public sealed record ApplicationSummary(
    int SchemaVersion,
    ApplicationSection Application,
    TimeSection Time,
    ExecutorSection Executors,
    TaskSection Tasks,
    IoSection Io,
    JobSection Jobs,
    IReadOnlyList<StageSummary> TopStages,
    ReadSection Read);

/// <summary>Identity and lifetime of the application.</summary>
/// <param name="Id">Application id.</param>
/// <param name="Name">Application name.</param>
/// <param name="AttemptId">Attempt id, if any.</param>
/// <param name="User">User.</param>
/// <param name="SparkVersion">Spark version.</param>
/// <param name="StartTimeMs">Start (epoch ms).</param>
/// <param name="EndTimeMs">End (epoch ms): the end event, else the last time seen.</param>
/// <param name="HasEndEvent">Whether the log has its application end event.</param>
public sealed record ApplicationSection(string Id, string Name, string? AttemptId, string User, string SparkVersion, long StartTimeMs, long EndTimeMs, bool HasEndEvent);

/// <summary>Where the wall time went.</summary>
/// <param name="WallTimeMs">End minus start.</param>
/// <param name="TaskActiveTimeMs">Time during which at least one task was running.</param>
/// <param name="DriverOnlyTimeMs">Wall time with no task running: start-up, planning, listing, collecting, between jobs.</param>
public sealed record TimeSection(long WallTimeMs, long TaskActiveTimeMs, long DriverOnlyTimeMs);

/// <summary>Executors and cores over time.</summary>
/// <param name="Count">Executors added (the driver excluded unless it ran the tasks, as in local mode).</param>
/// <param name="MaxConcurrent">Most executors alive at once.</param>
/// <param name="MaxCores">Most cores alive at once.</param>
/// <param name="CoresPerExecutor">The distinct core counts of the executors.</param>
/// <param name="AvailableCoreMs">Integral of alive cores over the application's wall time.</param>
/// <param name="Removed">Executors removed before the end, with Spark's reasons grouped.</param>
/// <param name="Timeline">Alive executors and cores after each change.</param>
public sealed record ExecutorSection(
    int Count, int MaxConcurrent, int MaxCores, IReadOnlyList<int> CoresPerExecutor, long AvailableCoreMs,
    IReadOnlyList<CountByReason> Removed, IReadOnlyList<ExecutorTimelinePoint> Timeline);

/// <summary>How many times a reason occurred.</summary>
/// <param name="Reason">The reason text.</param>
/// <param name="Count">Occurrences.</param>
public sealed record CountByReason(string Reason, int Count);

/// <summary>Alive executors and cores from <see cref="TimeMs"/> until the next point.</summary>
/// <param name="TimeMs">When the change happened (epoch ms).</param>
/// <param name="Executors">Executors alive.</param>
/// <param name="Cores">Cores alive.</param>
public sealed record ExecutorTimelinePoint(long TimeMs, int Executors, int Cores);

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

/// <summary>Data volumes over all tasks.</summary>
/// <param name="InputBytes">Bytes read from sources.</param>
/// <param name="OutputBytes">Bytes written to sinks.</param>
/// <param name="ShuffleReadBytes">Shuffle bytes read, local and remote.</param>
/// <param name="ShuffleRemoteReadBytes">Shuffle bytes read from other executors.</param>
/// <param name="ShuffleWriteBytes">Shuffle bytes written.</param>
/// <param name="ShuffleFetchWaitMs">Time tasks waited for shuffle fetches.</param>
/// <param name="MemorySpilledBytes">Bytes spilled, in memory size.</param>
/// <param name="DiskSpilledBytes">Bytes spilled, as written to disk.</param>
public sealed record IoSection(
    long InputBytes, long OutputBytes, long ShuffleReadBytes, long ShuffleRemoteReadBytes, long ShuffleWriteBytes, long ShuffleFetchWaitMs,
    long MemorySpilledBytes, long DiskSpilledBytes);

/// <summary>Jobs and stages.</summary>
/// <param name="Jobs">Jobs.</param>
/// <param name="FailedJobs">Jobs that failed.</param>
/// <param name="StageAttempts">Stage attempts submitted.</param>
/// <param name="FailedStageAttempts">Stage attempts that failed.</param>
/// <param name="SkippedStages">Stages announced but skipped (output reused).</param>
/// <param name="SqlExecutions">SQL executions.</param>
public sealed record JobSection(int Jobs, int FailedJobs, int StageAttempts, int FailedStageAttempts, int SkippedStages, int SqlExecutions);

/// <summary>One stage attempt among the longest.</summary>
/// <param name="StageId">Stage id.</param>
/// <param name="AttemptId">Attempt id.</param>
/// <param name="Name">Stage name.</param>
/// <param name="DurationMs">Submission to completion.</param>
/// <param name="Tasks">Finished task attempts.</param>
/// <param name="TaskTimeMs">Sum of task durations.</param>
/// <param name="MedianTaskMs">Median task duration.</param>
/// <param name="MaxTaskMs">Longest task duration.</param>
/// <param name="Skew">Longest over median task duration (1 = no skew).</param>
/// <param name="InputBytes">Input bytes.</param>
/// <param name="ShuffleReadBytes">Shuffle bytes read.</param>
/// <param name="ShuffleWriteBytes">Shuffle bytes written.</param>
/// <param name="SpilledBytes">Disk bytes spilled.</param>
/// <param name="Failed">Whether the attempt failed.</param>
public sealed record StageSummary(
    int StageId, int AttemptId, string Name, long DurationMs, int Tasks, long TaskTimeMs, long MedianTaskMs, long MaxTaskMs, double Skew,
    long InputBytes, long ShuffleReadBytes, long ShuffleWriteBytes, long SpilledBytes, bool Failed);

/// <summary>What was read and skipped.</summary>
/// <param name="Layout">How the files were laid out.</param>
/// <param name="Parts">Files read with their codec and sizes.</param>
/// <param name="Events">Events read.</param>
/// <param name="UnknownEvents">Events from outside Apache Spark, skipped, by name.</param>
/// <param name="MalformedLines">Malformed lines skipped.</param>
/// <param name="Incomplete">Whether the log is incomplete (in progress, truncated, or no end event).</param>
/// <param name="Warnings">What the user should know.</param>
public sealed record ReadSection(
    string Layout, IReadOnlyList<PartSummary> Parts, long Events, IReadOnlyDictionary<string, long> UnknownEvents, long MalformedLines,
    bool Incomplete, IReadOnlyList<string> Warnings);

/// <summary>One file read.</summary>
/// <param name="Name">File name.</param>
/// <param name="Codec">Detected codec.</param>
/// <param name="Bytes">Bytes read from the file.</param>
/// <param name="DecompressedBytes">Bytes after decompression.</param>
/// <param name="Lines">Lines read.</param>
public sealed record PartSummary(string Name, string Codec, long Bytes, long DecompressedBytes, long Lines);
