namespace Sync.Engine.Simulation;

/// <summary>
/// The spread of a predicted wall time from schedule variability: the run re-simulated with each stage's task
/// durations resampled (with replacement) from its own measured durations, as another run of the same job would
/// draw them. Says how much the prediction depends on which tasks happen to be slow and where they land. The resampled
/// runs' relative spread (10th and 90th percentile over median) is applied around the prediction; recommendations then
/// widen it by how far the model missed this very run when re-simulating it (<see cref="Widened"/>). The model's error
/// across configurations, measured on ground truth, is larger (see <c>docs/accuracy.md</c>).
/// </summary>
/// <param name="LowMs">The prediction times the resampled 10th percentile over the resampled median.</param>
/// <param name="MedianMs">The prediction.</param>
/// <param name="HighMs">The prediction times the resampled 90th percentile over the resampled median.</param>
/// <param name="Samples">How many resampled runs it is made of.</param>
public sealed record PredictionInterval(long LowMs, long MedianMs, long HighMs, int Samples)
{
    /// <summary>
    /// The share by which the interval was widened on each side for the model's own error on this run (the absolute
    /// reconstruction error, <see cref="Recommendations.Recommendation.ReconstructionError"/>); 0 when not widened.
    /// </summary>
    public double ModelErrorShare { get; init; }

    /// <summary>This interval widened by <paramref name="share"/> of each bound (low × (1 − share), high × (1 + share)).</summary>
    /// <param name="share">The model's error share, at least 0.</param>
    /// <returns>The wider interval.</returns>
    public PredictionInterval Widened(double share)
    {
        share = Math.Clamp(share, 0, 0.99);
        return this with
        {
            LowMs = (long)Math.Round(LowMs * (1 - share)),
            HighMs = (long)Math.Round(HighMs * (1 + share)),
            ModelErrorShare = share,
        };
    }
}
