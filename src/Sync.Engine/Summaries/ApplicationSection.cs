namespace Sync.Engine.Summaries;

/// <summary>Identity and lifetime of the application.</summary>
/// <param name="Id">Application id.</param>
/// <param name="Name">Application name.</param>
/// <param name="AttemptId">Attempt id, if any.</param>
/// <param name="User">User.</param>
/// <param name="SparkVersion">Spark version.</param>
/// <param name="StartTimeMs">Start (epoch ms).</param>
/// <param name="EndTimeMs">End (epoch ms): the end event, else the last time seen.</param>
/// <param name="HasEndEvent">Whether the log has its application end event.</param>
public sealed record ApplicationSection(string Id, string Name, string? AttemptId, string User, string SparkVersion, long StartTimeMs, long EndTimeMs, bool HasEndEvent);
