namespace Sync.Engine.Simulation;

/// <summary>
/// The spread of a predicted wall time from schedule variability: the run re-simulated with each stage's task
/// durations resampled (with replacement) from its own measured durations, as another run of the same job would
/// draw them. Says how much the prediction depends on which tasks happen to be slow and where they land; it does not
/// include the model's own error (see <c>docs/accuracy.md</c>). The resampled runs' relative spread (10th and 90th
/// percentile over median) is applied around the prediction.
/// </summary>
/// <param name="LowMs">The prediction times the resampled 10th percentile over the resampled median.</param>
/// <param name="MedianMs">The prediction.</param>
/// <param name="HighMs">The prediction times the resampled 90th percentile over the resampled median.</param>
/// <param name="Samples">How many resampled runs it is made of.</param>
public sealed record PredictionInterval(long LowMs, long MedianMs, long HighMs, int Samples);
