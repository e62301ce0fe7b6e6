namespace Sync.Engine.Simulation;

/// <summary>
/// When one stage attempt ran in a simulated run (<see cref="ScheduleSimulator.PredictWithStages"/>), in milliseconds
/// from the application's start: where a prediction's time goes.
/// </summary>
/// <param name="StageId">The stage.</param>
/// <param name="AttemptId">The attempt.</param>
/// <param name="Tasks">Its task count on the simulated cluster (shuffle stages may be re-partitioned).</param>
/// <param name="SubmittedMs">When it was submitted.</param>
/// <param name="CompletedMs">When it completed.</param>
public sealed record StageTiming(int StageId, int AttemptId, int Tasks, long SubmittedMs, long CompletedMs)
{
    /// <summary>Tasks of the stage that did not read their data from the cache in the observed run; <see langword="null"/> when none read cached data.</summary>
    public int? ObservedCacheMisses { get; init; }

    /// <summary>Tasks that read their data elsewhere than the cache in this run, as the cache model places cached data on its executors; <see langword="null"/> when none read cached data.</summary>
    public int? CacheMisses { get; init; }

    /// <summary>Completion minus submission.</summary>
    public long DurationMs => CompletedMs - SubmittedMs;
}
