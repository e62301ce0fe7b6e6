namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>ListSteps</c>.</summary>
[EmrShape("ListStepsInput")]
public sealed class ListStepsInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }

    /// <summary>Only steps in these states.</summary>
    public List<string>? StepStates { get; set; }

    /// <summary>Only these steps.</summary>
    public List<string>? StepIds { get; set; }

    /// <summary>The page to read.</summary>
    public string? Marker { get; set; }
}
