using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;
using Sync.Engine.Simulation;

namespace Sync.Engine.Accuracy;

/// <summary>
/// Measures the model against ground truth: every run of a manifest is re-simulated on its own executors
/// (reconstruction), and for every ordered pair of runs of a set with different shapes, B's wall time is predicted
/// from A's log alone, with the interval recommendations would give it.
/// </summary>
public static class AccuracyEvaluator
{
    /// <summary>Evaluates every set of <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The ground truth.</param>
    /// <param name="manifestPath">The manifest file's path (run paths are relative to it).</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <param name="bands">The model's error bands the intervals are widened to (default: <see cref="ModelErrorBands.BuiltIn"/>).</param>
    public static async Task<AccuracyReport> EvaluateAsync(
        AccuracyManifest manifest, string manifestPath, CancellationToken cancellationToken = default, ModelErrorBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var runs = new List<RunAccuracy>();
        var pairs = new List<PairAccuracy>();
        var repeats = new List<double>();
        var intervals = new Dictionary<(ScheduleSimulator, ClusterShape), PredictionInterval>();
        foreach (var set in manifest.Sets)
        {
            var simulators = new List<(string Path, ScheduleSimulator Simulator)>();
            foreach (var run in set.Runs)
            {
                var path = manifest.Resolve(manifestPath, run);
                var app = await EventLogReader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
                var simulator = new ScheduleSimulator(app);
                var reconstructed = simulator.Reconstruct().WallTimeMs;
                runs.Add(new RunAccuracy(set.Name, run, simulator.ObservedShape, simulator.ObservedWallTimeMs, reconstructed, simulator.ReconstructionError));
                simulators.Add((run, simulator));
            }

            foreach (var (fromPath, from) in simulators)
            {
                foreach (var (toPath, to) in simulators)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (from.ObservedShape == to.ObservedShape)
                    {
                        if (!ReferenceEquals(from, to))
                        {
                            repeats.Add(RelativeError.Of(from.ObservedWallTimeMs, to.ObservedWallTimeMs));
                        }

                        continue;
                    }

                    // Repeats of a shape share one prediction: the interval's resampled runs are most of the work.
                    if (!intervals.TryGetValue((from, to.ObservedShape), out var interval))
                    {
                        intervals[(from, to.ObservedShape)] = interval = from.PredictInterval(to.ObservedShape, Recommender.IntervalSamples, bands: bands);
                    }

                    var predicted = interval.MedianMs;
                    pairs.Add(new PairAccuracy(
                        set.Name, fromPath, toPath, from.ObservedShape, to.ObservedShape, predicted, to.ObservedWallTimeMs, RelativeError.Of(predicted, to.ObservedWallTimeMs),
                        interval.LowMs, interval.HighMs));
                }
            }
        }

        return new AccuracyReport(
            runs, pairs, ErrorStatistics.Of(runs.Select(r => r.Error)), ErrorStatistics.Of(pairs.Select(p => p.Error)), ErrorStatistics.Of(repeats),
            PairAccuracy.Coverage(pairs));
    }
}
