namespace Sync.Engine.Summaries;

/// <summary>Executors and cores over time.</summary>
/// <param name="Count">Executors added (the driver excluded unless it ran the tasks, as in local mode).</param>
/// <param name="MaxConcurrent">Most executors alive at once.</param>
/// <param name="MaxCores">Most cores alive at once.</param>
/// <param name="CoresPerExecutor">The distinct core counts of the executors.</param>
/// <param name="AvailableCoreMs">Integral of alive cores over the application's wall time.</param>
/// <param name="Removed">Executors removed before the end, with Spark's reasons grouped.</param>
/// <param name="Timeline">Alive executors and cores after each change.</param>
public sealed record ExecutorSection(
    int Count, int MaxConcurrent, int MaxCores, IReadOnlyList<int> CoresPerExecutor, long AvailableCoreMs,
    IReadOnlyList<CountByReason> Removed, IReadOnlyList<ExecutorTimelinePoint> Timeline);
