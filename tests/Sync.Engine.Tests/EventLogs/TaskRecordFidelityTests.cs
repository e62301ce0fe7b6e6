using System.Text.Json;
using Sync.Engine.Applications;
using Sync.Engine.EventLogs;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.EventLogs;

/// <summary>
/// Every field of every <see cref="TaskRecord"/> equals what a DOM parse (<see cref="JsonDocument"/>) of the same
/// <c>SparkListenerTaskEnd</c> line says, in the same order: the fast reader loses nothing.
/// </summary>
public class TaskRecordFidelityTests
{
    [Theory]
    [InlineData("apache-spark/spark-events/application_1538416563558_0014")] // executor losses, YARN
    [InlineData("apache-spark/spark-events/local-1422981759269")] // Spark 1.2, no Task End Reason details
    [InlineData("spark-rapids-tools/spark-events-profiling/tasks_executors_fail_compressed_eventlog.zstd")] // failures, kills
    [InlineData("spark-rapids-tools/spark-events-profiling-history/nds_q66_cpu.zstd")] // 13k tasks, shuffle-heavy SQL
    [InlineData("apache-spark/spark-events/application_1628109047826_1317105")] // push-based shuffle metrics
    public async Task EveryTaskMatchesADomParseOfItsLine(string relative)
    {
        var path = TestPaths.SharedLog(relative);
        var app = await EventLogReader.ReadAsync(path);

        var index = 0;
        using var reader = new StreamReader(IndependentCounts.OpenDecompressed(path));
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"Event\":\"SparkListenerTaskEnd\"", StringComparison.Ordinal))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            AssertSame(doc.RootElement, app.Tasks[index], app.Tasks, $"{relative} task #{index}");
            index++;
        }

        Assert.Equal(index, app.Tasks.Count);
        Assert.True(index > 0);
    }

    private static void AssertSame(JsonElement e, TaskRecord t, TaskTable table, string where)
    {
        var info = e.GetProperty("Task Info");
        Assert.True(info.GetProperty("Task ID").GetInt64() == t.TaskId, where);
        Assert.Equal(e.GetProperty("Stage ID").GetInt32(), t.StageId);
        Assert.Equal(e.GetProperty("Stage Attempt ID").GetInt32(), t.StageAttemptId);
        Assert.Equal(info.GetProperty("Index").GetInt32(), t.Index);
        Assert.Equal(info.GetProperty("Attempt").GetInt32(), t.Attempt);
        Assert.Equal(info.GetProperty("Launch Time").GetInt64(), t.LaunchTimeMs);
        Assert.Equal(info.GetProperty("Finish Time").GetInt64(), t.FinishTimeMs);
        Assert.Equal(info.GetProperty("Getting Result Time").GetInt64(), t.GettingResultTimeMs);
        Assert.Equal(info.GetProperty("Executor ID").GetString(), table.ExecutorIds[t.ExecutorIndex]);
        Assert.Equal(info.GetProperty("Host").GetString(), table.Hosts[t.HostIndex]);
        Assert.Equal(info.GetProperty("Speculative").GetBoolean(), t.Speculative);
        Assert.Equal(info.GetProperty("Locality").GetString()!.Replace("_", ""), t.Locality.ToString().ToUpperInvariant());
        Assert.Equal(e.TryGetProperty("Task Type", out var type) && type.GetString() == "ResultTask", t.IsResultTask);

        var reason = e.TryGetProperty("Task End Reason", out var r) ? r.GetProperty("Reason").GetString() : null;
        var failed = info.GetProperty("Failed").GetBoolean();
        var killed = info.TryGetProperty("Killed", out var k) && k.GetBoolean();
        var expectedStatus = reason switch
        {
            "Success" => TaskEndStatus.Success,
            "TaskKilled" => TaskEndStatus.Killed,
            "Resubmitted" => TaskEndStatus.Resubmitted,
            null => killed ? TaskEndStatus.Killed : failed ? TaskEndStatus.Failed : TaskEndStatus.Success,
            _ => TaskEndStatus.Failed,
        };
        Assert.True(expectedStatus == t.Status, $"{where}: status {t.Status}, expected {expectedStatus}");
        if (reason is not null and not "Success")
        {
            Assert.StartsWith(reason, table.FailureReasons[t.FailureReasonIndex]);
        }
        else if (reason == "Success")
        {
            Assert.Equal(-1, t.FailureReasonIndex);
        }

        if (!e.TryGetProperty("Task Metrics", out var m) || m.ValueKind != JsonValueKind.Object)
        {
            Assert.Equal(0, t.ExecutorRunTimeMs);
            return;
        }

        Assert.Equal(Long(m, "Executor Run Time"), t.ExecutorRunTimeMs);
        Assert.Equal(Long(m, "Executor CPU Time"), t.ExecutorCpuTimeNs);
        Assert.Equal(Long(m, "Executor Deserialize Time"), t.ExecutorDeserializeTimeMs);
        Assert.Equal(Long(m, "Executor Deserialize CPU Time"), t.ExecutorDeserializeCpuTimeNs);
        Assert.Equal(Long(m, "Result Size"), t.ResultSizeBytes);
        Assert.Equal(Long(m, "JVM GC Time"), t.JvmGcTimeMs);
        Assert.Equal(Long(m, "Result Serialization Time"), t.ResultSerializationTimeMs);
        Assert.Equal(Long(m, "Peak Execution Memory"), t.PeakExecutionMemoryBytes);
        Assert.Equal(Long(m, "Memory Bytes Spilled"), t.MemoryBytesSpilled);
        Assert.Equal(Long(m, "Disk Bytes Spilled"), t.DiskBytesSpilled);
        Assert.Equal(Long(m, "Input Metrics", "Bytes Read"), t.InputBytes);
        Assert.Equal(Long(m, "Input Metrics", "Records Read"), t.InputRecords);
        Assert.Equal(Long(m, "Output Metrics", "Bytes Written"), t.OutputBytes);
        Assert.Equal(Long(m, "Output Metrics", "Records Written"), t.OutputRecords);
        Assert.Equal(Long(m, "Shuffle Read Metrics", "Remote Bytes Read"), t.ShuffleRemoteBytesRead);
        Assert.Equal(Long(m, "Shuffle Read Metrics", "Local Bytes Read"), t.ShuffleLocalBytesRead);
        Assert.Equal(Long(m, "Shuffle Read Metrics", "Fetch Wait Time"), t.ShuffleFetchWaitTimeMs);
        Assert.Equal(Long(m, "Shuffle Read Metrics", "Total Records Read"), t.ShuffleRecordsRead);
        Assert.Equal(Long(m, "Shuffle Write Metrics", "Shuffle Bytes Written"), t.ShuffleBytesWritten);
        Assert.Equal(Long(m, "Shuffle Write Metrics", "Shuffle Write Time"), t.ShuffleWriteTimeNs);
        Assert.Equal(Long(m, "Shuffle Write Metrics", "Shuffle Records Written"), t.ShuffleRecordsWritten);
    }

    private static long Long(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return 0;
            }
        }

        return e.ValueKind == JsonValueKind.Number ? e.GetInt64() : 0;
    }
}
