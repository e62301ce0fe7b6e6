namespace Sync.Service.Contract;

/// <summary>How a recorded run ended, as the <c>status</c> of <see cref="SubmissionDto"/> and <see cref="SubmissionRequestDto"/>.</summary>
public static class RunStatuses
{
    /// <summary>The run finished and its event log can be predicted from.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>The run failed (cluster or application); it is kept for the record but never used as a prediction's basis.</summary>
    public const string Failed = "FAILED";

    /// <summary>The canonical spelling of <paramref name="status"/> (any case), <see cref="Succeeded"/> when absent, or <see langword="null"/> when unknown.</summary>
    /// <param name="status">The status as given.</param>
    public static string? Normalize(string? status) =>
        string.IsNullOrWhiteSpace(status) ? Succeeded
        : status.Trim().ToUpperInvariant() switch
        {
            Succeeded => Succeeded,
            Failed => Failed,
            _ => null,
        };
}
