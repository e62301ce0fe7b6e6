using Sync.Api.Configuration;

namespace Sync.Cli.Doctor;

/// <summary>
/// The AWS part of the access report. Until the EMR integration brings its permission checks, it reports the AWS
/// settings only and says that permissions were not verified.
/// </summary>
internal sealed class AwsAccessCheck : IAccessCheck
{
    public string Name => "aws";

    public Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Configuration;
        AccessCheckResult result = configuration?.AwsRegion is null && configuration?.AwsProfile is null
            ? AccessCheckResult.Ok(Name, "No AWS region or profile configured; the AWS SDK's default chain applies when an EMR command needs it.")
            : AccessCheckResult.Warn(
                Name,
                $"AWS region {configuration.AwsRegion ?? "(SDK default)"}, profile {configuration.AwsProfile ?? "(SDK default)"}: EMR and S3 permissions not verified.",
                "EMR and S3 permission checks come with the EMR integration.");
        return Task.FromResult<IReadOnlyList<AccessCheckResult>>([result]);
    }
}
