namespace Sync.Clients.Aws.Emr.Model;

/// <summary>When a step was created, started and ended.</summary>
[EmrShape("StepTimeline")]
public sealed class StepTimeline
{
    /// <summary>Created.</summary>
    public DateTimeOffset? CreationDateTime { get; set; }

    /// <summary>Started.</summary>
    public DateTimeOffset? StartDateTime { get; set; }

    /// <summary>Ended.</summary>
    public DateTimeOffset? EndDateTime { get; set; }
}
