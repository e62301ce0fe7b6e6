namespace Sync.AwsEmr.Specs;

/// <summary>One thing wrong with a RunJobFlow spec, at a member path such as <c>Instances.InstanceGroups[1].InstanceCount</c>.</summary>
/// <param name="Path">The member, from the root of the request (empty for the request itself).</param>
/// <param name="Message">What is wrong, starting with the path.</param>
public sealed record SpecProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
