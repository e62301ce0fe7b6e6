namespace Sync.AwsDatabricks.ClusterSpecs;

/// <summary>
/// Where a cluster delivers its logs (driver, executor and event logs): a DBFS folder (<c>dbfs:/…</c>) or an S3 prefix
/// (<c>s3://bucket/prefix</c> with its region). Databricks writes under <c>&lt;destination&gt;/&lt;cluster-id&gt;/</c>.
/// </summary>
/// <param name="Uri">The destination, <c>dbfs:/…</c> or <c>s3://…</c>.</param>
/// <param name="Region">The bucket's AWS region (S3 only).</param>
public sealed record ClusterLogDestination(string Uri, string? Region = null)
{
    /// <summary>Whether the destination is on DBFS.</summary>
    public bool IsDbfs => Uri.StartsWith("dbfs:/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the destination is on S3.</summary>
    public bool IsS3 => Uri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || Uri.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A DBFS destination.</summary>
    /// <param name="path">A <c>dbfs:/</c> URI or an absolute DBFS path.</param>
    /// <returns>The destination.</returns>
    public static ClusterLogDestination Dbfs(string path) => new(path.StartsWith("dbfs:", StringComparison.OrdinalIgnoreCase) ? path : "dbfs:" + (path.StartsWith('/') ? path : "/" + path));

    /// <summary>An S3 destination.</summary>
    /// <param name="uri">An <c>s3://bucket/prefix</c> URI.</param>
    /// <param name="region">The bucket's region.</param>
    /// <returns>The destination.</returns>
    public static ClusterLogDestination S3(string uri, string region) => new(uri, region);
}
