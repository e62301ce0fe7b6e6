using Sync.Engine.Simulation;

namespace Sync.Engine.Accuracy;

/// <summary>Run B predicted from run A.</summary>
/// <param name="Set">The set.</param>
/// <param name="From">Run A's event log.</param>
/// <param name="To">Run B's event log.</param>
/// <param name="FromShape">A's shape.</param>
/// <param name="ToShape">B's shape, the one predicted.</param>
/// <param name="PredictedMs">Predicted wall time of B.</param>
/// <param name="ActualMs">B's measured wall time.</param>
/// <param name="Error">(predicted − actual) / actual.</param>
/// <param name="IntervalLowMs">The low end of the prediction's interval, as recommendations give it (<see cref="ScheduleSimulator.PredictInterval"/>).</param>
/// <param name="IntervalHighMs">The high end of the prediction's interval.</param>
public sealed record PairAccuracy(
    string Set, string From, string To, ClusterShape FromShape, ClusterShape ToShape, long PredictedMs, long ActualMs, double Error, long IntervalLowMs, long IntervalHighMs)
{
    /// <summary>Whether B's measured wall time fell inside the predicted interval.</summary>
    public bool WithinInterval => ActualMs >= IntervalLowMs && ActualMs <= IntervalHighMs;

    /// <summary>The share of <paramref name="pairs"/> whose measured wall time fell inside the predicted interval; 0 for none.</summary>
    /// <param name="pairs">Pairs of one set, or of all.</param>
    public static double Coverage(IReadOnlyCollection<PairAccuracy> pairs) =>
        pairs.Count == 0 ? 0 : pairs.Count(p => p.WithinInterval) / (double)pairs.Count;
}
