namespace Sync.Engine.EventLogs;

/// <summary>A line of an event log that is not valid JSON or not a JSON object, and was skipped.</summary>
/// <param name="File">The file the line is in.</param>
/// <param name="LineNumber">1-based line number within that file.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record MalformedLine(string File, long LineNumber, string Message);
