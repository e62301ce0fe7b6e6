namespace Sync.Engine.EventLogs;

/// <summary>
/// Thrown when a stream handed to the event-log reader is neither a plain JSON-lines Spark event log
/// nor one compressed with a codec Spark uses (lz4, snappy, zstd, lzf) or gzip.
/// </summary>
/// <remarks>
/// This is about the overall format of the input. Corrupt or truncated data inside a recognised
/// compressed stream is reported as <see cref="System.IO.InvalidDataException"/> instead.
/// </remarks>
public sealed class EventLogFormatException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public EventLogFormatException()
        : base("The input is not a Spark event log.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A description of what was found and what was expected.</param>
    public EventLogFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">A description of what was found and what was expected.</param>
    /// <param name="innerException">The underlying cause.</param>
    public EventLogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
