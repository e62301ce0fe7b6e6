namespace Sync.Engine.Simulation;

/// <summary>
/// How far measured wall times fell from the model's predictions on ground truth, for predictions that span up to
/// <see cref="UpToDoublings"/> doublings (or halvings) of task slots: the 10th and 90th percentiles of
/// ln(measured / predicted). One row of <see cref="ModelErrorBands"/>.
/// </summary>
/// <param name="UpToDoublings">The farthest change of slots, in doublings, this band covers; <see langword="null"/> = any farther.</param>
/// <param name="Pairs">How many ground-truth pairs it was measured on (0: taken from the nearest measured band).</param>
/// <param name="Low">The low percentile of ln(measured / predicted).</param>
/// <param name="High">The high percentile of ln(measured / predicted).</param>
public sealed record ModelErrorBand(double? UpToDoublings, int Pairs, double Low, double High)
{
    /// <summary>What a prediction is multiplied by for the band's low end (e<sup><see cref="Low"/></sup>).</summary>
    public double LowFactor => Math.Exp(Low);

    /// <summary>What a prediction is multiplied by for the band's high end (e<sup><see cref="High"/></sup>).</summary>
    public double HighFactor => Math.Exp(High);
}
