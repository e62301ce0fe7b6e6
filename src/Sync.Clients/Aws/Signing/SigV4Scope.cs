namespace Sync.Clients.Aws.Signing;

/// <summary>What a <see cref="SigV4Signer"/> signature is made with: the key pair, the time, the region and the service.</summary>
/// <param name="AccessKey">The access key id (appears in the <c>Authorization</c> header).</param>
/// <param name="SecretKey">The secret access key (never leaves the signer).</param>
/// <param name="Region">The region, e.g. <c>us-east-1</c>.</param>
/// <param name="Service">The signing name of the service, e.g. <c>elasticmapreduce</c>.</param>
/// <param name="Time">The signing time (also sent as <c>X-Amz-Date</c>).</param>
internal sealed record SigV4Scope(string AccessKey, string SecretKey, string Region, string Service, DateTimeOffset Time)
{
    /// <summary>Never shows the secret key.</summary>
    public override string ToString() => $"SigV4Scope {{ AccessKey = {AccessKey}, Region = {Region}, Service = {Service}, Time = {Time:O} }}";
}
