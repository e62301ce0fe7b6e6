using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>
/// A prediction: how a run would do on other configurations. While <see cref="Status"/> is not
/// <see cref="PredictionStatus.Success"/> the solutions are empty; a <see cref="PredictionStatus.Failure"/> has an
/// <see cref="Error"/>.
/// </summary>
/// <param name="Id">The prediction's id.</param>
/// <param name="ProjectId">Its project, if any.</param>
/// <param name="RunId">The recorded run it was made from, if any.</param>
/// <param name="ApplicationId">The Spark application's id, once read.</param>
/// <param name="ApplicationName">The Spark application's name, once read.</param>
/// <param name="ProductCode"><c>aws-emr</c> or <c>aws-databricks</c>.</param>
/// <param name="ProductName">The product's display name.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Retryable">Whether a failed prediction can be retried with <see cref="PredictionsClient.RetryAsync"/>.</param>
/// <param name="Attempts">How many times it was started.</param>
/// <param name="Preference">The preferred solution.</param>
/// <param name="Sla">The deadline, if one was given.</param>
/// <param name="CodeHash">The hash of the code it is for, if given.</param>
/// <param name="EventLog">Where its event log is.</param>
/// <param name="Basis">The observed run, once predicted.</param>
/// <param name="Solutions">The named solutions (<c>performance</c>, <c>balanced</c>, <c>economy</c>, <c>within_sla</c>), once predicted.</param>
/// <param name="Front">The runtime/cost front, fastest first, once predicted.</param>
/// <param name="Candidates">How many configurations were simulated, once predicted.</param>
/// <param name="Warnings">Warnings, such as <c>code_hash_changed</c>.</param>
/// <param name="EngineWarnings">Caveats the engine found (log and report inconsistencies).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
public sealed record Prediction(
    string Id, string? ProjectId, string? RunId, string? ApplicationId, string? ApplicationName, string ProductCode, string ProductName, PredictionStatus Status,
    SyncError? Error, bool Retryable, int Attempts, Preference Preference, TimeSpan? Sla, string? CodeHash, string? EventLog,
    SolutionSummary? Basis, IReadOnlyDictionary<string, SolutionSummary> Solutions, IReadOnlyList<FrontPoint> Front, int? Candidates,
    IReadOnlyList<SyncWarning> Warnings, IReadOnlyList<string> EngineWarnings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>How far the model's re-simulation of the basis run was from its measured wall time (a share, signed), when known.</summary>
    public double? ReconstructionError { get; init; }

    /// <summary>The date of the instance catalog that priced it, when known.</summary>
    public string? CatalogDate { get; init; }

    /// <summary>Whether it has finished (<see cref="PredictionStatus.Success"/> or <see cref="PredictionStatus.Failure"/>).</summary>
    public bool IsFinished => Status is PredictionStatus.Success or PredictionStatus.Failure;

    /// <summary>The solution for <see cref="Preference"/> (for economy, the cheapest within the deadline when there is one), once predicted.</summary>
    public SolutionSummary? Recommended => Preference == Preference.Economy && Solutions.TryGetValue("within_sla", out var within)
        ? within
        : Solutions.GetValueOrDefault(Preference.ToString().ToLowerInvariant());
}
