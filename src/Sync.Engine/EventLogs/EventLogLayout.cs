namespace Sync.Engine.EventLogs;

/// <summary>How the files of one application's event log are laid out.</summary>
public enum EventLogLayout
{
    /// <summary>One file (plain or compressed), possibly <c>.inprogress</c>.</summary>
    SingleFile,
    /// <summary>A stream handed to the reader directly (for example an S3 or DBFS object body).</summary>
    Stream,
    /// <summary>Spark 3 rolling event log: an <c>eventlog_v2_&lt;appId&gt;</c> directory of <c>events_&lt;n&gt;_&lt;appId&gt;</c> files.</summary>
    RollingDirectory,
    /// <summary>A Databricks cluster-log folder: the live <c>eventlog</c> plus its rotated <c>eventlog-&lt;date&gt;--&lt;hour&gt;-00[.gz]</c> parts.</summary>
    DatabricksFolder,
    /// <summary>The Spark 1.2 directory format: <c>EVENT_LOG_1</c>, <c>SPARK_VERSION_*</c> and an <c>APPLICATION_COMPLETE</c> marker.</summary>
    LegacyDirectory,
}
