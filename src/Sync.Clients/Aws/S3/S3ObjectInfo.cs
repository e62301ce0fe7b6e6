namespace Sync.Clients.Aws.S3;

/// <summary>An object found by <see cref="S3Storage.ListAsync"/>.</summary>
/// <param name="Location">Where it is.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModified">When it was last written, when known.</param>
public sealed record S3ObjectInfo(S3Location Location, long Size, DateTimeOffset? LastModified);
