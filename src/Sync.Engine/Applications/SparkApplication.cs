using Sync.Engine.EventLogs;

namespace Sync.Engine.Applications;

/// <summary>
/// Everything one event log says about a Spark application, complete enough to re-simulate the run:
/// identity and lifetime, configuration, executors over time, jobs, stage attempts, every task attempt with its
/// metrics, SQL executions, and a <see cref="EventLogReadReport"/> of what was read and skipped.
/// Built by <see cref="EventLogReader"/>.
/// </summary>
public sealed class SparkApplication
{
    /// <summary>Identity and lifetime.</summary>
    public required ApplicationInfo Info { get; init; }

    /// <summary>The Spark properties in force (<c>Spark Properties</c> of the environment update).</summary>
    public required IReadOnlyDictionary<string, string> SparkProperties { get; init; }

    /// <summary>JVM, system and Hadoop properties of the environment update, by section name, then key.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; }

    /// <summary>Executors in the order they were added.</summary>
    public required IReadOnlyList<ExecutorInfo> Executors { get; init; }

    /// <summary>Jobs in submission order.</summary>
    public required IReadOnlyList<JobInfo> Jobs { get; init; }

    /// <summary>Stage attempts, ordered by stage id then attempt.</summary>
    public required IReadOnlyList<StageAttemptInfo> Stages { get; init; }

    /// <summary>Every finished task attempt.</summary>
    public required TaskTable Tasks { get; init; }

    /// <summary>Tasks that started but have no end event (running when the log ended).</summary>
    public required int UnfinishedTaskCount { get; init; }

    /// <summary>SQL executions in start order.</summary>
    public required IReadOnlyList<SqlExecutionInfo> SqlExecutions { get; init; }

    /// <summary>Storage memory of the driver's block manager, when the log has it.</summary>
    public required long? DriverMaxMemoryBytes { get; init; }

    /// <summary>The RDDs the application unpersisted, in log order (<see cref="RddUnpersist"/>).</summary>
    public IReadOnlyList<RddUnpersist> Unpersists { get; init; } = [];

    /// <summary>What was read and what was skipped.</summary>
    public required EventLogReadReport ReadReport { get; init; }

    /// <summary>CPUs each task takes (<c>spark.task.cpus</c>, default 1).</summary>
    public int TaskCpus =>
        SparkProperties.TryGetValue("spark.task.cpus", out var value) && int.TryParse(value, out var cpus) && cpus > 0 ? cpus : 1;

    /// <summary>
    /// The end of the application: its end event, else the latest time seen in any event (for incomplete logs).
    /// </summary>
    public required long EndTimeMs { get; init; }

    /// <summary>Wall time from start to <see cref="EndTimeMs"/>.</summary>
    public long WallTimeMs => Math.Max(0, EndTimeMs - Info.StartTimeMs);
}
