namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The status of a step.</summary>
[EmrShape("StepStatus")]
public sealed class StepStatus
{
    /// <summary><see cref="StepState"/>.</summary>
    public string? State { get; set; }

    /// <summary>Why it is in that state.</summary>
    public StateChangeReason? StateChangeReason { get; set; }

    /// <summary>Why it failed, when it did.</summary>
    public FailureDetails? FailureDetails { get; set; }

    /// <summary>When it was created, started and ended.</summary>
    public StepTimeline? Timeline { get; set; }
}
