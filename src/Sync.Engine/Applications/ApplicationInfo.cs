namespace Sync.Engine.Applications;

/// <summary>
/// Identity and lifetime of one Spark application attempt, from the
/// <c>SparkListenerLogStart</c>, <c>SparkListenerApplicationStart</c> and <c>SparkListenerApplicationEnd</c> events.
/// Times are Unix epoch milliseconds, as Spark writes them.
/// </summary>
/// <param name="Id">The application id (e.g. <c>application_1640227485896_0002</c>); empty when the log has none.</param>
/// <param name="Name">The application name (<c>spark.app.name</c>).</param>
/// <param name="AttemptId">The attempt id on YARN and similar cluster managers; <see langword="null"/> elsewhere.</param>
/// <param name="User">The user that ran the application.</param>
/// <param name="SparkVersion">The Spark version of <c>SparkListenerLogStart</c> (or of a vendor's metadata event).</param>
/// <param name="StartTimeMs">When the application started.</param>
/// <param name="EndTimeMs">When the application ended; <see langword="null"/> when the log has no end event.</param>
public sealed record ApplicationInfo(
    string Id,
    string Name,
    string? AttemptId,
    string User,
    string SparkVersion,
    long StartTimeMs,
    long? EndTimeMs);
