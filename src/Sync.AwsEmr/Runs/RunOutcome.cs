using Sync.Clients.Aws.Emr.Model;

namespace Sync.AwsEmr.Runs;

/// <summary>Whether a terminated cluster's run failed, and why: the cluster ended with errors, or one of its steps failed.</summary>
internal static class RunOutcome
{
    /// <summary>Why the run failed, or <see langword="null"/> when it succeeded.</summary>
    /// <param name="status">The cluster's final state.</param>
    /// <param name="steps">Its steps.</param>
    public static string? FailureReason(EmrClusterStatus status, IReadOnlyList<StepSummary> steps)
    {
        if (status.IsFailed)
        {
            return $"The cluster terminated with errors: {status.Reason ?? "EMR gave no reason"}";
        }

        var failed = steps.Where(s => s.Status?.State == StepState.Failed).ToList();
        if (failed.Count == 0)
        {
            return null;
        }

        return string.Join("; ", failed.Select(s =>
            $"Step {s.Name ?? "(unnamed)"} ({s.Id}) failed: {s.Status?.FailureDetails?.Reason ?? s.Status?.FailureDetails?.Message ?? s.Status?.StateChangeReason?.Message ?? "no reason given"}"));
    }
}
