namespace Sync.Engine.EventLogs.Parsing;

/// <summary>The events the model is built from, plus one bucket for Spark's other events and one for foreign ones.</summary>
internal enum EventKind
{
    TaskEnd,
    TaskStart,
    StageSubmitted,
    StageCompleted,
    JobStart,
    JobEnd,
    ExecutorAdded,
    ExecutorRemoved,
    BlockManagerAdded,
    UnpersistRdd,
    ApplicationStart,
    ApplicationEnd,
    LogStart,
    EnvironmentUpdate,
    SqlExecutionStart,
    SqlExecutionEnd,
    DatabricksMetadata,

    /// <summary>An Apache Spark event the model does not need (metrics updates, block updates, …).</summary>
    OtherSpark,

    /// <summary>An event from outside Apache Spark (a vendor's or a custom listener's): skipped and reported.</summary>
    Unknown,
}
