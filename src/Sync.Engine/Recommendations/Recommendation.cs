namespace Sync.Engine.Recommendations;

/// <summary>The outcome of <see cref="Recommender.Recommend"/>: the observed run, the runtime/cost Pareto front and the named solutions.</summary>
/// <param name="Observed">The observed configuration, re-simulated, with its measured runtime in <see cref="ObservedRuntimeMs"/>.</param>
/// <param name="ObservedRuntimeMs">The measured wall time.</param>
/// <param name="Candidates">How many configurations were simulated.</param>
/// <param name="Front">Solutions no other solution beats on both runtime and cost, fastest first.</param>
/// <param name="Performance">The fastest solution.</param>
/// <param name="Balanced">The knee of the front.</param>
/// <param name="Economy">The cheapest solution.</param>
/// <param name="WithinDeadline">The cheapest solution predicted to finish within the deadline, when one was given and any does.</param>
/// <param name="Warnings">Inconsistencies between the event log and the cluster report, and other caveats of the whole recommendation.</param>
public sealed record Recommendation(
    Solution Observed, long ObservedRuntimeMs, int Candidates, IReadOnlyList<Solution> Front, Solution Performance, Solution Balanced, Solution Economy,
    Solution? WithinDeadline, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// How far the model's re-simulation of the observed run is from its measured wall time, (simulated − measured) /
    /// measured: the first accuracy figure of every prediction. Intervals are widened by its magnitude.
    /// </summary>
    public double ReconstructionError => RelativeError.Of(Observed.PredictedRuntimeMs, ObservedRuntimeMs);

    /// <summary>Every candidate priced, in search order (instance type, then node count): the cloud the front is drawn from.</summary>
    public IReadOnlyList<Solution> All { get; init; } = [];

    /// <summary>How many distinct executor shapes were simulated for the <see cref="Candidates"/> (candidates that share a shape share a simulation).</summary>
    public int DistinctSimulations { get; init; }

    /// <summary>The solution for a preference.</summary>
    /// <param name="preference">The preference.</param>
    public Solution For(Preference preference) => preference switch
    {
        Preference.Performance => Performance,
        Preference.Economy => WithinDeadline ?? Economy,
        _ => Balanced,
    };
}
