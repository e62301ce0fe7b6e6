namespace Sync.Clients.Aws.Emr.Model;

/// <summary>One page of <c>ListInstanceFleets</c>.</summary>
[EmrShape("ListInstanceFleetsOutput")]
public sealed class ListInstanceFleetsOutput
{
    /// <summary>The fleets.</summary>
    public List<InstanceFleet>? InstanceFleets { get; set; }

    /// <summary>The next page, or <see langword="null"/> at the end.</summary>
    public string? Marker { get; set; }
}
