namespace Sync.Engine.Summaries;

/// <summary>What was read and skipped.</summary>
/// <param name="Layout">How the files were laid out.</param>
/// <param name="Parts">Files read with their codec and sizes.</param>
/// <param name="Events">Events read.</param>
/// <param name="UnknownEvents">Events from outside Apache Spark, skipped, by name.</param>
/// <param name="MalformedLines">Malformed lines skipped.</param>
/// <param name="Incomplete">Whether the log is incomplete (in progress, truncated, or no end event).</param>
/// <param name="Warnings">What the user should know.</param>
public sealed record ReadSection(
    string Layout, IReadOnlyList<PartSummary> Parts, long Events, IReadOnlyDictionary<string, long> UnknownEvents, long MalformedLines,
    bool Incomplete, IReadOnlyList<string> Warnings);
