namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The request of <c>ListInstanceFleets</c>.</summary>
[EmrShape("ListInstanceFleetsInput")]
public sealed class ListInstanceFleetsInput
{
    /// <summary>The cluster id. Required.</summary>
    public required string ClusterId { get; set; }

    /// <summary>The page to read.</summary>
    public string? Marker { get; set; }
}
