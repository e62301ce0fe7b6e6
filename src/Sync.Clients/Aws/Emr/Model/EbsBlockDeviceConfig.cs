namespace Sync.Clients.Aws.Emr.Model;

/// <summary>Volumes of one kind per instance.</summary>
[EmrShape("EbsBlockDeviceConfig")]
public sealed class EbsBlockDeviceConfig
{
    /// <summary>The volume kind. Required.</summary>
    public required VolumeSpecification VolumeSpecification { get; set; }

    /// <summary>How many such volumes per instance.</summary>
    public int? VolumesPerInstance { get; set; }
}
