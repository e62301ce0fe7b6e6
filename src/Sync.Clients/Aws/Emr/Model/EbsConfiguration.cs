namespace Sync.Clients.Aws.Emr.Model;

/// <summary>EBS volumes to attach to each instance of a group or fleet type.</summary>
[EmrShape("EbsConfiguration")]
public sealed class EbsConfiguration
{
    /// <summary>The volume kinds.</summary>
    public List<EbsBlockDeviceConfig>? EbsBlockDeviceConfigs { get; set; }

    /// <summary>Whether the instances are EBS-optimised.</summary>
    public bool? EbsOptimized { get; set; }
}
