namespace Sync.AwsDatabricks.ClusterSpecs;

/// <summary>One thing wrong with a cluster spec, pointing at the member (e.g. <c>autoscale.max_workers</c>).</summary>
/// <param name="Field">The member's path in the spec; empty for the spec as a whole.</param>
/// <param name="Message">What is wrong, starting with the member's name.</param>
public sealed record ClusterSpecProblem(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
