namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An EBS volume kind: type, size, IOPS, throughput.</summary>
[EmrShape("VolumeSpecification")]
public sealed class VolumeSpecification
{
    /// <summary><c>gp3</c>, <c>gp2</c>, <c>io1</c>, … Required.</summary>
    public required string VolumeType { get; set; }

    /// <summary>Provisioned IOPS.</summary>
    public int? Iops { get; set; }

    /// <summary>Size in GiB. Required.</summary>
    public required int SizeInGB { get; set; }

    /// <summary>Throughput in MiB/s (gp3).</summary>
    public int? Throughput { get; set; }
}
