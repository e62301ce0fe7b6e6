using System.Runtime.InteropServices;

namespace Sync.Engine.Applications;

/// <summary>
/// One finished task attempt with its metrics, from <c>SparkListenerTaskEnd</c>. A plain struct stored in chunks by
/// <see cref="TaskTable"/>, so a million tasks take a few hundred megabytes and no object per task.
/// Times are Unix epoch milliseconds; durations are milliseconds unless the name says nanoseconds.
/// Strings (executor, host, failure reason) are indexes into <see cref="TaskTable"/>'s string tables.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct TaskRecord
{
    /// <summary>The task id, unique within the application.</summary>
    public long TaskId;
    /// <summary>When the attempt was launched.</summary>
    public long LaunchTimeMs;
    /// <summary>When the attempt finished.</summary>
    public long FinishTimeMs;
    /// <summary>When the driver started fetching an indirect result (0 when the result came directly).</summary>
    public long GettingResultTimeMs;
    /// <summary>The stage id.</summary>
    public int StageId;
    /// <summary>The stage attempt id.</summary>
    public int StageAttemptId;
    /// <summary>The partition index within the stage.</summary>
    public int Index;
    /// <summary>The attempt number of this partition.</summary>
    public int Attempt;
    /// <summary>Index of the executor id in <see cref="TaskTable.ExecutorIds"/>.</summary>
    public int ExecutorIndex;
    /// <summary>Index of the host in <see cref="TaskTable.Hosts"/>.</summary>
    public int HostIndex;
    /// <summary>Index of the failure description in <see cref="TaskTable.FailureReasons"/>; -1 for successful tasks.</summary>
    public int FailureReasonIndex;
    /// <summary>Locality level the task was launched at.</summary>
    public TaskLocality Locality;
    /// <summary>How the attempt ended.</summary>
    public TaskEndStatus Status;
    /// <summary>Whether this was a speculative copy.</summary>
    public bool Speculative;
    /// <summary>Whether this is a result task (rather than a shuffle-map task).</summary>
    public bool IsResultTask;
    /// <summary>Where the task read its input from, when the log records it (Spark 1.x).</summary>
    public TaskInputSource InputSource;
    /// <summary>Executor Run Time: wall time the task body ran.</summary>
    public int ExecutorRunTimeMs;
    /// <summary>Executor Deserialize Time.</summary>
    public int ExecutorDeserializeTimeMs;
    /// <summary>Result Serialization Time.</summary>
    public int ResultSerializationTimeMs;
    /// <summary>JVM GC Time.</summary>
    public int JvmGcTimeMs;
    /// <summary>Shuffle read Fetch Wait Time.</summary>
    public int ShuffleFetchWaitTimeMs;
    /// <summary>Executor CPU Time, in nanoseconds.</summary>
    public long ExecutorCpuTimeNs;
    /// <summary>Executor Deserialize CPU Time, in nanoseconds.</summary>
    public long ExecutorDeserializeCpuTimeNs;
    /// <summary>Result Size, in bytes.</summary>
    public long ResultSizeBytes;
    /// <summary>Peak Execution Memory, in bytes.</summary>
    public long PeakExecutionMemoryBytes;
    /// <summary>Memory Bytes Spilled.</summary>
    public long MemoryBytesSpilled;
    /// <summary>Disk Bytes Spilled.</summary>
    public long DiskBytesSpilled;
    /// <summary>Input Metrics: Bytes Read.</summary>
    public long InputBytes;
    /// <summary>Input Metrics: Records Read.</summary>
    public long InputRecords;
    /// <summary>Output Metrics: Bytes Written.</summary>
    public long OutputBytes;
    /// <summary>Output Metrics: Records Written.</summary>
    public long OutputRecords;
    /// <summary>Shuffle Read Metrics: Remote Bytes Read.</summary>
    public long ShuffleRemoteBytesRead;
    /// <summary>Shuffle Read Metrics: Local Bytes Read.</summary>
    public long ShuffleLocalBytesRead;
    /// <summary>Shuffle Read Metrics: Total Records Read.</summary>
    public long ShuffleRecordsRead;
    /// <summary>Shuffle Write Metrics: Shuffle Bytes Written.</summary>
    public long ShuffleBytesWritten;
    /// <summary>Shuffle Write Metrics: Shuffle Write Time, in nanoseconds.</summary>
    public long ShuffleWriteTimeNs;
    /// <summary>Shuffle Write Metrics: Shuffle Records Written.</summary>
    public long ShuffleRecordsWritten;

    /// <summary>Finish minus launch time: how long the attempt held its executor slot.</summary>
    public readonly long DurationMs => FinishTimeMs - LaunchTimeMs;

    /// <summary>Time spent fetching an indirect result from the executor.</summary>
    public readonly long GettingResultDurationMs => GettingResultTimeMs > 0 ? FinishTimeMs - GettingResultTimeMs : 0;

    /// <summary>
    /// Scheduler delay as Spark's UI computes it: duration not accounted for by run time, deserialization,
    /// result serialization and result fetching, never negative.
    /// </summary>
    public readonly long SchedulerDelayMs =>
        Math.Max(0, DurationMs - ExecutorRunTimeMs - ExecutorDeserializeTimeMs - ResultSerializationTimeMs - GettingResultDurationMs);

    /// <summary>Shuffle bytes read, local plus remote.</summary>
    public readonly long ShuffleBytesRead => ShuffleRemoteBytesRead + ShuffleLocalBytesRead;
}
