namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An EBS volume attached to the instances of a group or fleet type.</summary>
[EmrShape("EbsBlockDevice")]
public sealed class EbsBlockDevice
{
    /// <summary>The volume kind.</summary>
    public VolumeSpecification? VolumeSpecification { get; set; }

    /// <summary>The device name.</summary>
    public string? Device { get; set; }
}
