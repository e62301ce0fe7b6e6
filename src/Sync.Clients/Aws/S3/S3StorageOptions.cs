using Amazon.Runtime;

namespace Sync.Clients.Aws.S3;

/// <summary>Settings of an <see cref="S3Storage"/>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The region, e.g. <c>us-east-1</c>. Required.</summary>
    public required string Region { get; set; }

    /// <summary>The credentials (see <see cref="AwsEnvironment.ResolveCredentials(string?)"/>). Required.</summary>
    public required AWSCredentials Credentials { get; set; }

    /// <summary>An endpoint to use instead of AWS's, e.g. an emulator's <c>http://127.0.0.1:5000</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which emulators need. On by default when <see cref="ServiceUrl"/> is set.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Keys per page of a listing, or <see langword="null"/> for S3's default (1000).</summary>
    public int? ListPageSize { get; set; }

    /// <summary>Attempts per request, the first included (the SDK's own retry). Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;
}
