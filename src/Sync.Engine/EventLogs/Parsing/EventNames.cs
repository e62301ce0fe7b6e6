using System.Runtime.CompilerServices;
namespace Sync.Engine.EventLogs.Parsing;

/// <summary>Spark's event names (the <c>Event</c> field) and the <see cref="EventKind"/> each one maps to.</summary>
internal static class EventNames
{
    private static readonly (EventKind Kind, string Name, byte[] Utf8)[] Known =
    [
        Entry(EventKind.TaskEnd, "SparkListenerTaskEnd"),
        Entry(EventKind.TaskStart, "SparkListenerTaskStart"),
        Entry(EventKind.StageSubmitted, "SparkListenerStageSubmitted"),
        Entry(EventKind.StageCompleted, "SparkListenerStageCompleted"),
        Entry(EventKind.JobStart, "SparkListenerJobStart"),
        Entry(EventKind.JobEnd, "SparkListenerJobEnd"),
        Entry(EventKind.ExecutorAdded, "SparkListenerExecutorAdded"),
        Entry(EventKind.ExecutorRemoved, "SparkListenerExecutorRemoved"),
        Entry(EventKind.BlockManagerAdded, "SparkListenerBlockManagerAdded"),
        Entry(EventKind.UnpersistRdd, "SparkListenerUnpersistRDD"),
        Entry(EventKind.ApplicationStart, "SparkListenerApplicationStart"),
        Entry(EventKind.ApplicationEnd, "SparkListenerApplicationEnd"),
        Entry(EventKind.LogStart, "SparkListenerLogStart"),
        Entry(EventKind.EnvironmentUpdate, "SparkListenerEnvironmentUpdate"),
        Entry(EventKind.SqlExecutionStart, "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart"),
        Entry(EventKind.SqlExecutionEnd, "org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd"),
        Entry(EventKind.DatabricksMetadata, "DBCEventLoggingListenerMetadata"),
    ];

    public static string Of(EventKind kind) => Known.First(k => k.Kind == kind).Name;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static EventKind Classify(ReadOnlySpan<byte> name)
    {
        foreach (var (kind, _, utf8) in Known)
        {
            if (name.SequenceEqual(utf8))
            {
                return kind;
            }
        }

        return IsSparkEvent(name) ? EventKind.OtherSpark : EventKind.Unknown;
    }

    /// <summary>Whether an event comes from Apache Spark itself (its listener bus or its SQL, streaming and ML modules).</summary>
    public static bool IsSparkEvent(ReadOnlySpan<byte> name) =>
        name.StartsWith("SparkListener"u8) || name.StartsWith("org.apache.spark."u8);

    /// <inheritdoc cref="IsSparkEvent(ReadOnlySpan{byte})"/>
    public static bool IsSparkEvent(string name) =>
        name.StartsWith("SparkListener", StringComparison.Ordinal) || name.StartsWith("org.apache.spark.", StringComparison.Ordinal);

    private static (EventKind, string, byte[]) Entry(EventKind kind, string name) => (kind, name, System.Text.Encoding.UTF8.GetBytes(name));
}
