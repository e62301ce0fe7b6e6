namespace Sync.Clients.Aws;

/// <summary>The names an <see cref="AwsJsonProtocolClient"/> needs to call a JSON 1.1 service.</summary>
/// <param name="Name">A name for messages, e.g. <c>EMR</c>.</param>
/// <param name="SigningName">The SigV4 service name, e.g. <c>elasticmapreduce</c>.</param>
/// <param name="TargetPrefix">The <c>X-Amz-Target</c> prefix, e.g. <c>ElasticMapReduce</c>.</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint, e.g. <c>elasticmapreduce</c>.</param>
internal sealed record AwsJsonServiceDescription(string Name, string SigningName, string TargetPrefix, string EndpointPrefix)
{
    /// <summary>The regional AWS endpoint, e.g. <c>https://elasticmapreduce.us-east-1.amazonaws.com/</c>.</summary>
    /// <param name="region">The region.</param>
    public Uri RegionalEndpoint(string region) =>
        new($"https://{EndpointPrefix}.{region}.{(region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");
}
