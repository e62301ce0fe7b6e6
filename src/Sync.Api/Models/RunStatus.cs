namespace Sync.Api.Models;

/// <summary>How a recorded <see cref="Run"/> ended.</summary>
public enum RunStatus
{
    /// <summary>The run finished; its event log can be predicted from.</summary>
    Succeeded,

    /// <summary>The run failed; it is kept for the record but is never a prediction's basis.</summary>
    Failed,
}
