namespace Sync.Engine.Simulation;

/// <summary>
/// Where a predicted wall time is expected to fall, 10th to 90th percentile, from three sources
/// (<see cref="ScheduleSimulator.PredictInterval"/>): schedule variability — the run re-simulated with each stage's task
/// durations resampled (with replacement) from its own measured durations, as another run of the same job would draw
/// them, their relative spread applied around the prediction —, the model's error across configurations measured on
/// ground truth for a prediction this far from the observed run (<see cref="WithModelError"/>), and how far the model
/// missed this very run when re-simulating it (<see cref="Widened"/>).
/// </summary>
/// <param name="LowMs">The low end (10th percentile).</param>
/// <param name="MedianMs">The prediction.</param>
/// <param name="HighMs">The high end (90th percentile).</param>
/// <param name="Samples">How many resampled runs it is made of.</param>
public sealed record PredictionInterval(long LowMs, long MedianMs, long HighMs, int Samples)
{
    /// <summary>
    /// The share by which the interval was widened on each side for the model's own error on this run (the absolute
    /// reconstruction error, <see cref="Recommendations.Recommendation.ReconstructionError"/>); 0 when not widened.
    /// </summary>
    public double ModelErrorShare { get; init; }

    /// <summary>The band of the model's error this interval was widened to (<see cref="WithModelError"/>); <see langword="null"/> when not.</summary>
    public ModelErrorBand? ModelError { get; init; }

    /// <summary>
    /// This interval widened to hold <paramref name="band"/> around the prediction (the prediction times the band's
    /// factors); a bound already wider, from schedule variability, stays.
    /// </summary>
    /// <param name="band">The model's error for a prediction this far from the observed run (<see cref="ModelErrorBands.For"/>).</param>
    /// <returns>The wider interval.</returns>
    public PredictionInterval WithModelError(ModelErrorBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        return this with
        {
            LowMs = Math.Min(LowMs, (long)Math.Round(MedianMs * band.LowFactor)),
            HighMs = Math.Max(HighMs, (long)Math.Round(MedianMs * band.HighFactor)),
            ModelError = band,
        };
    }

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
