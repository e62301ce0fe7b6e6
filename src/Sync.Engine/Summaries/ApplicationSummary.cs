namespace Sync.Engine.Summaries;

/// <summary>
/// What a Spark engineer wants first from an event log, computed by <see cref="ApplicationSummarizer"/>. Serialised
/// as the stable <c>--output json</c> of <c>sync-cli eventlog summarize</c> (see <c>docs/eventlog-summary.md</c>).
/// Times are milliseconds (epoch milliseconds for points in time), sizes are bytes.
/// </summary>
/// <param name="SchemaVersion">Version of this shape; bumped on any breaking change.</param>
/// <param name="Application">Identity and lifetime.</param>
/// <param name="Time">Wall time split into time with tasks running and driver-only time.</param>
/// <param name="Executors">Executors and cores over time.</param>
/// <param name="Tasks">Task totals, utilisation and GC.</param>
/// <param name="Io">Input, output, shuffle and spill volumes.</param>
/// <param name="Jobs">Job and stage counts and failures.</param>
/// <param name="TopStages">The stages that took longest, with their skew.</param>
/// <param name="Read">What the reader read and skipped.</param>
public sealed record ApplicationSummary(
    int SchemaVersion,
    ApplicationSection Application,
    TimeSection Time,
    ExecutorSection Executors,
    TaskSection Tasks,
    IoSection Io,
    JobSection Jobs,
    IReadOnlyList<StageSummary> TopStages,
    ReadSection Read);
