namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>AddTags</c>.</summary>
[EmrShape("AddTagsInput")]
public sealed class AddTagsInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ResourceId { get; set; }

    /// <summary>The tags to add or overwrite. Required.</summary>
    public required List<Tag> Tags { get; set; }

    /// <summary>The cluster id, for resources inside a cluster.</summary>
    public string? ClusterId { get; set; }
}
