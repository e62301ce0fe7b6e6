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
    /// <summary>Completion minus submission.</summary>
    public long DurationMs => CompletedMs - SubmittedMs;
}
