using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sync.Engine.Applications;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// Parses <c>SparkListenerTaskStart</c> and <c>SparkListenerTaskEnd</c>, the events that make up most of every log:
/// one pass over the properties, values written straight into a <see cref="TaskRecord"/> slot, accumulables skipped.
/// </summary>
internal static class TaskEventParser
{
    private const int MaxReasonLength = 500;

    /// <summary>
    /// A task start only counts (the end event carries the full task info); its launch time widens the observed time
    /// range, which matters for a log that ends while tasks still run. Read at byte level: no tokenizing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CountStart(ReadOnlySpan<byte> line, ApplicationModelBuilder model)
    {
        model.StartedTasks++;
        var at = line.IndexOf("\"Launch Time\":"u8);
        if (at >= 0 && Utf8Parser.TryParse(line[(at + 14)..], out long launch, out _))
        {
            model.SeeTime(launch);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ParseEnd(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        ref var task = ref model.Tasks.AddUninitialized();
        task.FailureReasonIndex = -1;
        try
        {
            ReadEnd(ref reader, ref task, model);
        }
        catch
        {
            model.Tasks.RemoveLast();
            throw;
        }

        model.SeeTime(task.LaunchTimeMs);
        model.SeeTime(task.FinishTimeMs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadEnd(ref Utf8JsonReader reader, ref TaskRecord task, ApplicationModelBuilder model)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Task Metrics"u8))
            {
                ReadMetrics(ref reader, ref task);
            }
            else if (reader.ValueTextEquals("Task Info"u8))
            {
                ReadInfo(ref reader, ref task, model);
            }
            else if (reader.ValueTextEquals("Stage ID"u8))
            {
                task.StageId = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Stage Attempt ID"u8))
            {
                task.StageAttemptId = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Task Type"u8))
            {
                reader.Read();
                task.IsResultTask = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("ResultTask"u8);
            }
            else if (reader.ValueTextEquals("Task End Reason"u8))
            {
                ReadEndReason(ref reader, ref task, model);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadInfo(ref Utf8JsonReader reader, ref TaskRecord task, ApplicationModelBuilder model)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        var failed = false;
        var killed = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Accumulables"u8))
            {
                JsonRead.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("Task ID"u8))
            {
                task.TaskId = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Index"u8))
            {
                task.Index = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Attempt"u8))
            {
                task.Attempt = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Launch Time"u8))
            {
                task.LaunchTimeMs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Finish Time"u8))
            {
                task.FinishTimeMs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Getting Result Time"u8))
            {
                task.GettingResultTimeMs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Executor ID"u8))
            {
                task.ExecutorIndex = JsonRead.Interned(ref reader, model.ExecutorIds);
            }
            else if (reader.ValueTextEquals("Host"u8))
            {
                task.HostIndex = JsonRead.Interned(ref reader, model.Hosts);
            }
            else if (reader.ValueTextEquals("Locality"u8))
            {
                reader.Read();
                task.Locality = ParseLocality(ref reader);
            }
            else if (reader.ValueTextEquals("Speculative"u8))
            {
                task.Speculative = JsonRead.Boolean(ref reader);
            }
            else if (reader.ValueTextEquals("Failed"u8))
            {
                failed = JsonRead.Boolean(ref reader);
            }
            else if (reader.ValueTextEquals("Killed"u8))
            {
                killed = JsonRead.Boolean(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        // Logs without a Task End Reason (Spark 1.x) still say whether the attempt failed.
        if (task.Status == TaskEndStatus.Success)
        {
            task.Status = killed ? TaskEndStatus.Killed : failed ? TaskEndStatus.Failed : TaskEndStatus.Success;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static TaskLocality ParseLocality(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return TaskLocality.Any;
        }

        if (reader.ValueTextEquals("PROCESS_LOCAL"u8))
        {
            return TaskLocality.ProcessLocal;
        }

        if (reader.ValueTextEquals("NODE_LOCAL"u8))
        {
            return TaskLocality.NodeLocal;
        }

        if (reader.ValueTextEquals("NO_PREF"u8))
        {
            return TaskLocality.NoPref;
        }

        return reader.ValueTextEquals("RACK_LOCAL"u8) ? TaskLocality.RackLocal : TaskLocality.Any;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadEndReason(ref Utf8JsonReader reader, ref TaskRecord task, ApplicationModelBuilder model)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        string? reason = null;
        string? className = null;
        string? detail = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Reason"u8))
            {
                reader.Read();
                if (reader.ValueTextEquals("Success"u8))
                {
                    reason = null;
                    task.Status = TaskEndStatus.Success;
                }
                else
                {
                    reason = reader.TokenType == JsonTokenType.String ? reader.GetString() : "Unknown";
                    task.Status = reason switch
                    {
                        "TaskKilled" => TaskEndStatus.Killed,
                        "Resubmitted" => TaskEndStatus.Resubmitted,
                        _ => TaskEndStatus.Failed,
                    };
                }
            }
            else if (reader.ValueTextEquals("Class Name"u8))
            {
                className = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("Description"u8) || reader.ValueTextEquals("Message"u8)
                     || reader.ValueTextEquals("Kill Reason"u8) || reader.ValueTextEquals("Loss Reason"u8))
            {
                detail ??= JsonRead.String(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (reason is not null)
        {
            task.FailureReasonIndex = model.FailureReasons.Intern(DescribeFailure(reason, className, detail));
        }
    }

    private static string DescribeFailure(string reason, string? className, string? detail)
    {
        var text = new StringBuilder(reason);
        if (className is not null)
        {
            text.Append(": ").Append(className);
        }

        if (!string.IsNullOrWhiteSpace(detail))
        {
            var firstLine = detail.AsSpan().Trim();
            var newline = firstLine.IndexOfAny('\r', '\n');
            text.Append(": ").Append(newline >= 0 ? firstLine[..newline] : firstLine);
        }

        return text.Length > MaxReasonLength ? text.ToString(0, MaxReasonLength) + "…" : text.ToString();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadMetrics(ref Utf8JsonReader reader, ref TaskRecord task)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Executor Run Time"u8))
            {
                task.ExecutorRunTimeMs = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Executor CPU Time"u8))
            {
                task.ExecutorCpuTimeNs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Executor Deserialize Time"u8))
            {
                task.ExecutorDeserializeTimeMs = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Executor Deserialize CPU Time"u8))
            {
                task.ExecutorDeserializeCpuTimeNs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Result Size"u8))
            {
                task.ResultSizeBytes = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("JVM GC Time"u8))
            {
                task.JvmGcTimeMs = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Result Serialization Time"u8))
            {
                task.ResultSerializationTimeMs = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Peak Execution Memory"u8))
            {
                task.PeakExecutionMemoryBytes = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Memory Bytes Spilled"u8))
            {
                task.MemoryBytesSpilled = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Disk Bytes Spilled"u8))
            {
                task.DiskBytesSpilled = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Shuffle Read Metrics"u8))
            {
                ReadShuffleRead(ref reader, ref task);
            }
            else if (reader.ValueTextEquals("Shuffle Write Metrics"u8))
            {
                ReadShuffleWrite(ref reader, ref task);
            }
            else if (reader.ValueTextEquals("Input Metrics"u8))
            {
                ReadInputOutput(ref reader, ref task.InputBytes, ref task.InputRecords, "Bytes Read"u8, "Records Read"u8, ref task.InputSource);
            }
            else if (reader.ValueTextEquals("Output Metrics"u8))
            {
                ReadInputOutput(ref reader, ref task.OutputBytes, ref task.OutputRecords, "Bytes Written"u8, "Records Written"u8);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadShuffleRead(ref Utf8JsonReader reader, ref TaskRecord task)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Remote Bytes Read"u8))
            {
                task.ShuffleRemoteBytesRead = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Local Bytes Read"u8))
            {
                task.ShuffleLocalBytesRead = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Fetch Wait Time"u8))
            {
                task.ShuffleFetchWaitTimeMs = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Total Records Read"u8))
            {
                task.ShuffleRecordsRead = JsonRead.Int64(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadShuffleWrite(ref Utf8JsonReader reader, ref TaskRecord task)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Shuffle Bytes Written"u8))
            {
                task.ShuffleBytesWritten = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Shuffle Write Time"u8))
            {
                task.ShuffleWriteTimeNs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Shuffle Records Written"u8))
            {
                task.ShuffleRecordsWritten = JsonRead.Int64(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadInputOutput(ref Utf8JsonReader reader, ref long bytes, ref long records, ReadOnlySpan<byte> bytesName, ReadOnlySpan<byte> recordsName)
    {
        TaskInputSource ignored = default;
        ReadInputOutput(ref reader, ref bytes, ref records, bytesName, recordsName, ref ignored);
    }

    private static void ReadInputOutput(
        ref Utf8JsonReader reader, ref long bytes, ref long records, ReadOnlySpan<byte> bytesName, ReadOnlySpan<byte> recordsName, ref TaskInputSource source)
    {
        if (!JsonRead.EnterObject(ref reader))
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(bytesName))
            {
                bytes = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals(recordsName))
            {
                records = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Data Read Method"u8))
            {
                reader.Read();
                source = reader.TokenType != JsonTokenType.String ? TaskInputSource.Unknown
                    : reader.ValueTextEquals("Memory"u8) ? TaskInputSource.Memory
                    : reader.ValueTextEquals("Disk"u8) ? TaskInputSource.Disk
                    : reader.ValueTextEquals("Hadoop"u8) ? TaskInputSource.Hadoop
                    : reader.ValueTextEquals("Network"u8) ? TaskInputSource.Network
                    : TaskInputSource.Unknown;
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }
}
