namespace Sync.Engine.EventLogs;

/// <summary>
/// What <see cref="EventLogReader"/> read and what it skipped: files and codecs, event counts, unknown (vendor or
/// custom) events, malformed lines, and whether the log was incomplete. Nothing the reader drops goes unreported here.
/// </summary>
public sealed class EventLogReadReport
{
    /// <summary>How many malformed lines are kept with their details; the rest are only counted.</summary>
    public const int MaxMalformedLinesKept = 100;

    /// <summary>The layout the files were found in.</summary>
    public required EventLogLayout Layout { get; init; }

    /// <summary>The files read, in the order they were read.</summary>
    public required IReadOnlyList<EventLogPartInfo> Parts { get; init; }

    /// <summary>Events read, by event name (the <c>Event</c> field), known ones included.</summary>
    public required IReadOnlyDictionary<string, long> EventCounts { get; init; }

    /// <summary>Events the model does not use (vendor or custom events), by name; skipped, never fatal.</summary>
    public required IReadOnlyDictionary<string, long> UnknownEventCounts { get; init; }

    /// <summary>The first <see cref="MaxMalformedLinesKept"/> malformed lines.</summary>
    public required IReadOnlyList<MalformedLine> MalformedLines { get; init; }

    /// <summary>All malformed lines, including those not kept in <see cref="MalformedLines"/>.</summary>
    public required long MalformedLineCount { get; init; }

    /// <summary>
    /// Whether the log is incomplete: marked in progress (<c>.inprogress</c>), its last line was cut off, a compressed
    /// stream was truncated, or it has no <c>SparkListenerApplicationEnd</c> event.
    /// </summary>
    public required bool IsIncomplete { get; init; }

    /// <summary>Plain-language reasons behind <see cref="IsIncomplete"/> and other things a user should know.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Total events read.</summary>
    public long TotalEvents => EventCounts.Values.Sum();

    /// <summary>Total bytes of JSON lines read, after decompression.</summary>
    public long DecompressedBytes => Parts.Sum(p => p.DecompressedBytes);
}
