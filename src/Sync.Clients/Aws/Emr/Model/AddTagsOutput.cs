namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The (empty) answer of <c>AddTags</c>.</summary>
[EmrShape("AddTagsOutput")]
public sealed class AddTagsOutput
{

}
