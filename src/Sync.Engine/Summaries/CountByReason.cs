namespace Sync.Engine.Summaries;

/// <summary>How many times a reason occurred.</summary>
/// <param name="Reason">The reason text.</param>
/// <param name="Count">Occurrences.</param>
public sealed record CountByReason(string Reason, int Count);
