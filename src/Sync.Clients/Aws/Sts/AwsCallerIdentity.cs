namespace Sync.Clients.Aws.Sts;

/// <summary>Who a set of AWS credentials belongs to, as STS <c>GetCallerIdentity</c> says (no secret in it).</summary>
/// <param name="Account">The AWS account id.</param>
/// <param name="Arn">The user's or role's ARN.</param>
/// <param name="UserId">The unique id of the user or role session.</param>
public sealed record AwsCallerIdentity(string Account, string Arn, string UserId);
