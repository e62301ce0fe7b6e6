namespace Sync.Engine.Applications;

/// <summary>
/// Where a task read its input from, as Spark 1.x records it in the task's input metrics (<c>Data Read Method</c>).
/// A task that read a cached partition reads from <see cref="Memory"/>; one whose partition was not cached recomputes
/// it from <see cref="Hadoop"/> input. Spark 2 and later no longer record it (<see cref="Unknown"/>).
/// </summary>
public enum TaskInputSource : byte
{
    /// <summary>Not recorded (no input, or Spark 2 and later).</summary>
    Unknown = 0,

    /// <summary>A cached block in executor memory.</summary>
    Memory,

    /// <summary>A cached block on the executor's local disk.</summary>
    Disk,

    /// <summary>Input read through a Hadoop input format (HDFS, S3, local files).</summary>
    Hadoop,

    /// <summary>A block fetched from another executor.</summary>
    Network,
}
