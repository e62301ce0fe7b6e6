using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Sync.Clients.Aws;

/// <summary>
/// Finds credentials and the region the way the AWS SDK for .NET does (AWSSDK.Core): a named profile from the shared
/// config and credentials files, otherwise the SDK's default chain (environment variables, <c>AWS_PROFILE</c>, the
/// default profile, SSO, container and instance roles) and its region fallback (<c>AWS_REGION</c>, profile, instance
/// metadata).
/// </summary>
public static class AwsEnvironment
{
    /// <summary>Credentials from <paramref name="profile"/>, or from the SDK's default chain when it is <see langword="null"/>.</summary>
    /// <param name="profile">A profile name of the shared config/credentials files, or <see langword="null"/>.</param>
    /// <returns>The credentials (resolved lazily by the SDK when they are refreshable).</returns>
    /// <exception cref="AwsConfigurationException">The profile does not exist or the default chain found nothing.</exception>
    public static AWSCredentials ResolveCredentials(string? profile)
    {
        if (!string.IsNullOrWhiteSpace(profile))
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials))
            {
                return credentials;
            }

            throw new AwsConfigurationException(AwsSetting.Credentials,
                $"AWS profile '{profile}' was not found in the shared config or credentials files.");
        }

        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(AwsSetting.Credentials,
                "No AWS credentials were found (environment variables, shared credentials/config files, SSO, container or instance role).",
                e);
        }
    }

    /// <summary>The region: <paramref name="region"/> when given, else the profile's, else the SDK's fallback.</summary>
    /// <param name="region">An explicit region, or <see langword="null"/>.</param>
    /// <param name="profile">A profile whose <c>region</c> to use, or <see langword="null"/>.</param>
    /// <returns>The region's system name, e.g. <c>us-east-1</c>.</returns>
    /// <exception cref="AwsConfigurationException">No region was found.</exception>
    public static string ResolveRegion(string? region, string? profile)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region.Trim();
        }

        if (!string.IsNullOrWhiteSpace(profile)
            && new CredentialProfileStoreChain().TryGetProfile(profile, out var stored)
            && stored.Region is { } profileRegion)
        {
            return profileRegion.SystemName;
        }

        RegionEndpoint? fallback = null;
        try
        {
            fallback = FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException)
        {
            // Treated as "no region" below.
        }

        return fallback?.SystemName ?? throw new AwsConfigurationException(AwsSetting.Region,
            "No AWS region was given and none was found (AWS_REGION, AWS_DEFAULT_REGION, the profile's region, instance metadata).");
    }

    /// <summary>The variable that overrides the endpoint of every AWS service (the AWS SDKs' and CLI's <c>AWS_ENDPOINT_URL</c>).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>The endpoint override from <c>AWS_ENDPOINT_URL</c>, or <see langword="null"/> when it is not set or not an absolute URL.</summary>
    /// <returns>The endpoint.</returns>
    public static Uri? EndpointFromEnvironment() =>
        Uri.TryCreate(Environment.GetEnvironmentVariable(EndpointVariable), UriKind.Absolute, out var url) ? url : null;

    /// <summary>Where <paramref name="credentials"/> came from, for people (never the key itself).</summary>
    /// <param name="credentials">Credentials from <see cref="ResolveCredentials(string?)"/>.</param>
    /// <param name="profile">The profile they were asked from, or <see langword="null"/> for the default chain.</param>
    /// <returns>For example <c>environment variables</c> or <c>profile 'dev'</c>.</returns>
    public static string DescribeSource(AWSCredentials credentials, string? profile)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!string.IsNullOrWhiteSpace(profile))
        {
            return $"profile '{profile}' of the shared config/credentials files";
        }

        return credentials.GetType().Name switch
        {
            "EnvironmentVariablesAWSCredentials" => "environment variables (AWS_ACCESS_KEY_ID)",
            "InstanceProfileAWSCredentials" => "the EC2 instance profile",
            "ECSTaskCredentials" or "GenericContainerCredentials" => "container credentials",
            "SSOAWSCredentials" => "IAM Identity Center (SSO)",
            "AssumeRoleWithWebIdentityCredentials" => "a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
            "AssumeRoleAWSCredentials" => "an assumed role of a profile",
            _ when Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } named => $"profile '{named}' (AWS_PROFILE)",
            var type => $"the SDK's default chain ({type})",
        };
    }

    /// <summary>The credentials of <paramref name="credentials"/> at this moment, refreshed by the SDK when needed.</summary>
    /// <param name="credentials">The credentials.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="AwsConfigurationException">The credentials could not be obtained.</exception>
    internal static async Task<ImmutableCredentials> CurrentAsync(AWSCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(AwsSetting.Credentials, "The AWS credentials could not be obtained: " + Redact(e.Message), e);
        }
    }

    private static string Redact(string message) => message.Length > 300 ? message[..300] : message;
}
