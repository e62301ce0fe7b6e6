using Sync.Engine.Simulation;

namespace Sync.Engine.Accuracy;

/// <summary>How well the model predicts real runs: reconstruction of each run, and each run predicted from every other run of its set.</summary>
/// <param name="Runs">Every run with its reconstruction error.</param>
/// <param name="Pairs">Every ordered pair (A, B) of runs of one set with different shapes: B's wall time predicted from A.</param>
/// <param name="Reconstruction">Statistics of the absolute reconstruction errors.</param>
/// <param name="CrossConfiguration">Statistics of the absolute errors over <paramref name="Pairs"/>.</param>
/// <param name="RepeatNoise">
/// The floor no model can beat: for every ordered pair of runs of a set with the same shape, the error of taking A's
/// measured wall time as B's.
/// </param>
/// <param name="IntervalCoverage">
/// The share of <paramref name="Pairs"/> whose measured wall time fell inside the predicted 10th–90th percentile interval
/// (<see cref="PairAccuracy.WithinInterval"/>): 0.8 when the intervals mean what they say.
/// </param>
public sealed record AccuracyReport(
    IReadOnlyList<RunAccuracy> Runs, IReadOnlyList<PairAccuracy> Pairs, ErrorStatistics Reconstruction, ErrorStatistics CrossConfiguration,
    ErrorStatistics RepeatNoise, double IntervalCoverage);

/// <summary>Summary of absolute percentage errors.</summary>
/// <param name="Count">How many errors.</param>
/// <param name="Median">Median absolute error (0.1 = 10 %).</param>
/// <param name="P90">90th percentile absolute error.</param>
/// <param name="WithinFivePercent">Share of errors at most 5 %.</param>
public sealed record ErrorStatistics(int Count, double Median, double P90, double WithinFivePercent)
{
    /// <summary>Statistics of the absolute values of <paramref name="errors"/>.</summary>
    /// <param name="errors">Signed relative errors.</param>
    public static ErrorStatistics Of(IEnumerable<double> errors)
    {
        var sorted = errors.Select(Math.Abs).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ErrorStatistics(0, 0, 0, 0);
        }

        return new ErrorStatistics(
            sorted.Length, NearestRank.Quantile(sorted, 0.5), NearestRank.Quantile(sorted, 0.9), sorted.Count(e => e <= 0.05) / (double)sorted.Length);
    }
}
