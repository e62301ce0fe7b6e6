using System.Text;
using Sync.Engine.Applications;
using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Sources;

namespace Sync.Engine.Tests.Support;

/// <summary>
/// Writes small event logs with Spark's exact event and field names, for cases whose expected numbers must be worked out
/// by hand (interval unions, utilisation, skew). Times are offsets in ms from a fixed epoch.
/// </summary>
public sealed class SyntheticLog
{
    public const long Epoch = 1_700_000_000_000;
    private readonly StringBuilder _text = new();
    private long _taskId;
    private readonly List<string> _executors = [];

    public SyntheticLog(long endMs, IDictionary<string, string>? properties = null)
    {
        Line("""{"Event":"SparkListenerLogStart","Spark Version":"3.5.1"}""");
        Line($$$"""{"Event":"SparkListenerApplicationStart","App Name":"synthetic","App ID":"app-1","Timestamp":{{{Epoch}}},"User":"tester"}""");
        var props = string.Join(",", (properties ?? new Dictionary<string, string>()).Select(p => $"\"{p.Key}\":\"{p.Value}\""));
        Line($$$"""{"Event":"SparkListenerEnvironmentUpdate","JVM Information":{},"Spark Properties":{{{{props}}}},"System Properties":{},"Classpath Entries":{} }""");
        EndMs = endMs;
    }

    public long EndMs { get; }

    public SyntheticLog Executor(string id, int cores, long addedMs, long? removedMs = null, string reason = "gone")
    {
        _executors.Add(id);
        Line($$$"""{"Event":"SparkListenerExecutorAdded","Timestamp":{{{Epoch + addedMs}}},"Executor ID":"{{{id}}}","Executor Info":{"Host":"host-{{{id}}}","Total Cores":{{{cores}}},"Log Urls":{} } }""");
        if (removedMs is { } removed)
        {
            Line($$$"""{"Event":"SparkListenerExecutorRemoved","Timestamp":{{{Epoch + removed}}},"Executor ID":"{{{id}}}","Removed Reason":"{{{reason}}}"}""");
        }

        return this;
    }

    public SyntheticLog Stage(int stageId, long submittedMs, long completedMs, params (long From, long To)[] tasks) =>
        Stage(stageId, [], submittedMs, completedMs, tasks);

    /// <summary>The block manager of executor <paramref name="id"/>, with <paramref name="maxMemory"/> bytes of storage memory.</summary>
    public SyntheticLog BlockManager(string id, long maxMemory, long addedMs = 0)
    {
        Line($$$"""{"Event":"SparkListenerBlockManagerAdded","Block Manager ID":{"Executor ID":"{{{id}}}","Host":"host-{{{id}}}","Port":7000},"Maximum Memory":{{{maxMemory}}},"Timestamp":{{{Epoch + addedMs}}} }""");
        return this;
    }

    /// <summary>
    /// A stage whose lineage holds one RDD with <paramref name="cachedBytes"/> cached in memory, each task reading its
    /// input the way its Spark 1.x <c>Data Read Method</c> says (<c>Memory</c> for a cached block, <c>Hadoop</c> to compute it),
    /// its tasks placed round-robin on the executors added so far.
    /// </summary>
    public SyntheticLog CachingStage(int stageId, long submittedMs, long completedMs, long cachedBytes, params (long From, long To, string ReadMethod)[] tasks) =>
        CachingStage(stageId, submittedMs, completedMs, [(1, tasks.Length, cachedBytes)], tasks);

    /// <summary>
    /// A stage whose lineage holds the memory-only persisted RDDs <paramref name="rdds"/> (id, cached partitions, bytes
    /// cached in memory as the stage completed; every RDD has one partition per task), tasks as in the other overload.
    /// </summary>
    public SyntheticLog CachingStage(int stageId, long submittedMs, long completedMs, (int Id, int CachedPartitions, long Bytes)[] rdds, params (long From, long To, string ReadMethod)[] tasks)
    {
        var rdd = "[" + string.Join(",", rdds.Select(r => $$$"""{"RDD ID":{{{r.Id}}},"Name":"data","Storage Level":{"Use Disk":false,"Use Memory":true,"Deserialized":true,"Replication":1},"Number of Partitions":{{{tasks.Length}}},"Number of Cached Partitions":{{{r.CachedPartitions}}},"Memory Size":{{{r.Bytes}}},"Disk Size":0}""")) + "]";
        Line($$$"""{"Event":"SparkListenerStageSubmitted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":[],"Parent IDs":[],"Submission Time":{{{Epoch + submittedMs}}}},"Properties":{} }""");
        for (var i = 0; i < tasks.Length; i++)
        {
            var (from, to, method) = tasks[i];
            var executor = _executors.Count == 0 ? "1" : _executors[i % _executors.Count];
            Line($$$"""{"Event":"SparkListenerTaskEnd","Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Task Type":"ResultTask","Task End Reason":{"Reason":"Success"},"Task Info":{"Task ID":{{{_taskId++}}},"Index":{{{i}}},"Attempt":0,"Launch Time":{{{Epoch + from}}},"Executor ID":"{{{executor}}}","Host":"host-{{{executor}}}","Locality":"PROCESS_LOCAL","Speculative":false,"Getting Result Time":0,"Finish Time":{{{Epoch + to}}},"Failed":false,"Killed":false,"Accumulables":[]},"Task Metrics":{"Executor Run Time":{{{to - from}}},"Input Metrics":{"Data Read Method":"{{{method}}}","Bytes Read":100,"Records Read":10} } }""");
        }

        Line($$$"""{"Event":"SparkListenerStageCompleted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":{{{rdd}}},"Parent IDs":[],"Submission Time":{{{Epoch + submittedMs}}},"Completion Time":{{{Epoch + completedMs}}} } }""");
        return this;
    }

    /// <summary>The application drops RDD <paramref name="rddId"/>'s cached blocks (<c>SparkListenerUnpersistRDD</c>).</summary>
    public SyntheticLog Unpersist(int rddId)
    {
        Line($$$"""{"Event":"SparkListenerUnpersistRDD","RDD ID":{{{rddId}}}}""");
        return this;
    }

    public SyntheticLog Stage(int stageId, int[] parents, long submittedMs, long completedMs, params (long From, long To)[] tasks) =>
        Stage(stageId, parents, submittedMs, completedMs, fetchWaitMs: 0, tasks);

    /// <summary>A stage whose every task waited <paramref name="fetchWaitMs"/> on shuffle fetches within its run time.</summary>
    public SyntheticLog Stage(int stageId, int[] parents, long submittedMs, long completedMs, long fetchWaitMs, params (long From, long To)[] tasks)
    {
        var parentIds = string.Join(",", parents);
        Line($$$"""{"Event":"SparkListenerStageSubmitted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":[],"Parent IDs":[{{{parentIds}}}],"Submission Time":{{{Epoch + submittedMs}}}},"Properties":{} }""");
        for (var i = 0; i < tasks.Length; i++)
        {
            var (from, to) = tasks[i];
            Line($$$"""{"Event":"SparkListenerTaskEnd","Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Task Type":"ShuffleMapTask","Task End Reason":{"Reason":"Success"},"Task Info":{"Task ID":{{{_taskId++}}},"Index":{{{i}}},"Attempt":0,"Launch Time":{{{Epoch + from}}},"Executor ID":"1","Host":"host-1","Locality":"PROCESS_LOCAL","Speculative":false,"Getting Result Time":0,"Finish Time":{{{Epoch + to}}},"Failed":false,"Killed":false,"Accumulables":[]},"Task Metrics":{"Executor Run Time":{{{to - from}}},"JVM GC Time":{{{(to - from) / 10}}},"Disk Bytes Spilled":{{{i}}},"Shuffle Read Metrics":{"Fetch Wait Time":{{{fetchWaitMs}}},"Remote Bytes Read":1000,"Local Bytes Read":0} } }""");
        }

        Line($$$"""{"Event":"SparkListenerStageCompleted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":[],"Parent IDs":[{{{parentIds}}}],"Submission Time":{{{Epoch + submittedMs}}},"Completion Time":{{{Epoch + completedMs}}} } }""");
        return this;
    }

    /// <summary>A stage whose tasks ran on the given executors at the given locality levels (<c>PROCESS_LOCAL</c>, <c>ANY</c>, ...).</summary>
    public SyntheticLog PlacedStage(int stageId, long submittedMs, long completedMs, params (long From, long To, string Executor, string Locality)[] tasks) =>
        PlacedStage(stageId, submittedMs, completedMs, tasks.Select(t => (t.From, t.To, t.Executor, t.Locality, 0L)).ToArray());

    /// <summary>A stage as <see cref="PlacedStage(int, long, long, ValueTuple{long, long, string, string}[])"/>, each task with its <c>Executor Deserialize Time</c>.</summary>
    public SyntheticLog PlacedStage(int stageId, long submittedMs, long completedMs, params (long From, long To, string Executor, string Locality, long DeserializeMs)[] tasks)
    {
        Line($$$"""{"Event":"SparkListenerStageSubmitted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":[],"Parent IDs":[],"Submission Time":{{{Epoch + submittedMs}}}},"Properties":{} }""");
        for (var i = 0; i < tasks.Length; i++)
        {
            var (from, to, executor, locality, deserialize) = tasks[i];
            Line($$$"""{"Event":"SparkListenerTaskEnd","Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Task Type":"ResultTask","Task End Reason":{"Reason":"Success"},"Task Info":{"Task ID":{{{_taskId++}}},"Index":{{{i}}},"Attempt":0,"Launch Time":{{{Epoch + from}}},"Executor ID":"{{{executor}}}","Host":"host-{{{executor}}}","Locality":"{{{locality}}}","Speculative":false,"Getting Result Time":0,"Finish Time":{{{Epoch + to}}},"Failed":false,"Killed":false,"Accumulables":[]},"Task Metrics":{"Executor Deserialize Time":{{{deserialize}}},"Executor Run Time":{{{to - from - deserialize}}} } }""");
        }

        Line($$$"""{"Event":"SparkListenerStageCompleted","Stage Info":{"Stage ID":{{{stageId}}},"Stage Attempt ID":0,"Stage Name":"stage {{{stageId}}}","Number of Tasks":{{{tasks.Length}}},"RDD Info":[],"Parent IDs":[],"Submission Time":{{{Epoch + submittedMs}}},"Completion Time":{{{Epoch + completedMs}}} } }""");
        return this;
    }

    public async Task<SparkApplication> ReadAsync()
    {
        var text = _text + $$$"""{"Event":"SparkListenerApplicationEnd","Timestamp":{{{Epoch + EndMs}}} }""" + "\n";
        using var source = EventLogSource.FromStream(new MemoryStream(Encoding.UTF8.GetBytes(text)), "synthetic");
        return await EventLogReader.ReadAsync(source);
    }

    private void Line(string json) => _text.Append(json).Append('\n');
}
