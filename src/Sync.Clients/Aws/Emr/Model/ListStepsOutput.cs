namespace Sync.Clients.Aws.Emr.Model;

/// <summary>One page of <c>ListSteps</c>.</summary>
[EmrShape("ListStepsOutput")]
public sealed class ListStepsOutput
{
    /// <summary>The steps, newest first.</summary>
    public List<StepSummary>? Steps { get; set; }

    /// <summary>The next page, or <see langword="null"/> at the end.</summary>
    public string? Marker { get; set; }
}
