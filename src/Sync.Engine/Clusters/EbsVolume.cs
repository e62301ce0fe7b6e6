namespace Sync.Engine.Clusters;

/// <summary>EBS volumes of one type and size on a node.</summary>
/// <param name="VolumeType"><c>gp3</c>, <c>gp2</c>, …</param>
/// <param name="SizeGb">Size of each volume in GB.</param>
/// <param name="Count">Volumes per node.</param>
public sealed record EbsVolume(string VolumeType, int SizeGb, int Count = 1);
