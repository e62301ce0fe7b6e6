using Amazon.Runtime;
using Sync.Api;
using Sync.Api.Configuration;
using Sync.AwsEmr;
using Sync.Clients.Aws;
using Sync.Clients.Aws.S3;
using Sync.Clients.Aws.Sts;

namespace Sync.Cli.Doctor;

/// <summary>
/// The AWS part of the access report: credentials resolve (and from which source, never the key), the region, STS
/// accepts the credentials (<c>GetCallerIdentity</c>: who they are), EMR answers and allows <c>DescribeCluster</c>
/// (a made-up cluster id: "not found" proves access, "access denied" does not), and, when a default project is
/// configured, its S3 artifact location can be listed. The endpoint comes from <c>AWS_ENDPOINT_URL</c> when set (emulators).
/// </summary>
internal sealed class AwsAccessCheck : IAccessCheck
{
    private const string ProbeClusterId = "j-SYNCDOCTORPROBE";

    public string Name => "aws";

    public async Task<IReadOnlyList<AccessCheckResult>> RunAsync(AccessCheckContext context, CancellationToken cancellationToken)
    {
        var configuration = context.Configuration;
        var profile = configuration?.AwsProfile;
        var endpoint = AwsEnvironment.EndpointFromEnvironment();
        var results = new List<AccessCheckResult>();

        AWSCredentials credentials;
        try
        {
            credentials = AwsEnvironment.ResolveCredentials(profile);
            await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
            results.Add(AccessCheckResult.Ok("aws-creds", $"AWS credentials found: {AwsEnvironment.DescribeSource(credentials, profile)}."));
        }
        catch (Exception e) when ((e is AwsConfigurationException or AmazonClientException) && profile is null && configuration?.AwsRegion is null && endpoint is null)
        {
            // Nothing about AWS is set up: fine for Databricks-only or local use.
            results.Add(AccessCheckResult.Ok("aws", "No AWS credentials or settings found; only the aws-emr commands need them."));
            return results;
        }
        catch (Exception e) when (e is AwsConfigurationException or AmazonClientException)
        {
            results.Add(AccessCheckResult.Warn("aws-creds", $"{Short(e.Message)} EMR commands will fail until there are some.",
                "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or pick a profile (sync-cli configure --aws-profile)."));
            return results;
        }

        string region;
        try
        {
            region = AwsEnvironment.ResolveRegion(configuration?.AwsRegion, profile);
            results.Add(AccessCheckResult.Ok("aws-region", $"Region {region}{(endpoint is null ? "" : $", endpoint {endpoint} (AWS_ENDPOINT_URL)")}."));
        }
        catch (AwsConfigurationException e)
        {
            results.Add(AccessCheckResult.Fail("aws-region", e.Message, "Set one: sync-cli configure --aws-region us-east-1, or AWS_REGION."));
            return results;
        }

        results.Add(await StsAsync(credentials, region, endpoint, cancellationToken));
        results.Add(await EmrAsync(credentials, region, endpoint, cancellationToken));
        results.Add(await S3Async(configuration, credentials, region, endpoint, cancellationToken));
        return results;
    }

    private static async Task<AccessCheckResult> StsAsync(AWSCredentials credentials, string region, Uri? endpoint, CancellationToken cancellationToken)
    {
        try
        {
            var identity = await StsIdentity.GetCallerIdentityAsync(credentials, region, endpoint, cancellationToken);
            return AccessCheckResult.Ok("aws-sts", $"The credentials are {identity.Arn} (account {identity.Account}).");
        }
        catch (AwsServiceException e)
        {
            return AccessCheckResult.Fail("aws-sts", $"STS refused the credentials: {e.ErrorCode}: {Short(e.ServiceMessage)}", "Renew expired session credentials, or check the access key and profile.");
        }
        catch (AwsNetworkException e)
        {
            return AccessCheckResult.Fail("aws-sts", $"STS could not be reached: {Short(e.Message)}", "Check the network and the region (or AWS_ENDPOINT_URL).");
        }
    }

    private static async Task<AccessCheckResult> EmrAsync(AWSCredentials credentials, string region, Uri? endpoint, CancellationToken cancellationToken)
    {
        using var emr = new EmrClient(new EmrClientOptions
        {
            Region = region, Credentials = credentials, ServiceUrl = endpoint, Retry = new AwsRetryOptions { MaxAttempts = 2 },
        });
        var probe = await emr.GetClusterReportAsync(ProbeClusterId, cancellationToken);
        return probe.Error?.Kind switch
        {
            null or SyncErrorKind.NotFound => AccessCheckResult.Ok("aws-emr", $"EMR answers in {region} and allows DescribeCluster."),
            SyncErrorKind.PermissionDenied => AccessCheckResult.Fail("aws-emr", probe.Error.Message,
                "Grant elasticmapreduce:RunJobFlow, DescribeCluster, ListInstanceGroups, ListInstanceFleets, ListInstances, ListBootstrapActions, ListSteps, AddTags and TerminateJobFlows, and iam:PassRole for the cluster's roles."),
            _ => AccessCheckResult.Fail("aws-emr", probe.Error.Message, probe.Error.Hint ?? "Check the credentials, region and network."),
        };
    }

    private static async Task<AccessCheckResult> S3Async(SyncConfiguration? configuration, AWSCredentials credentials, string region, Uri? endpoint, CancellationToken cancellationToken)
    {
        if (configuration?.DefaultProjectId is not { } projectId)
        {
            return AccessCheckResult.Ok("aws-s3", "No default project configured, so no S3 location to check (sync-cli configure --project-id).");
        }

        var options = configuration.ApiUrl is { } url && configuration.ApiKeyId is { } id && configuration.ApiKeySecret is { } secret
            ? SyncClientOptions.Remote(url, id, secret)
            : SyncClientOptions.Embedded();
        string? location;
        await using (var sync = new SyncClient(options))
        {
            var project = await sync.Projects.GetAsync(projectId, cancellationToken);
            if (!project.IsSuccess)
            {
                return AccessCheckResult.Warn("aws-s3", $"The default project {projectId} could not be read: {project.Error!.Message}", "Fix the backend first, or configure another project (sync-cli configure --project-id).");
            }

            location = project.Value.ArtifactLocation;
        }

        if (!S3Location.TryParse(location, out var root))
        {
            return AccessCheckResult.Warn("aws-s3", $"The default project {projectId} keeps its artifacts at {location ?? "no location"}, not on S3; EMR runs cannot write their event logs there.",
                "Set an S3 location: sync-cli projects update <id> --artifacts s3://bucket/prefix");
        }

        var prefix = root.Combine(projectId + "/");
        using var s3 = new S3Storage(new S3StorageOptions { Region = region, Credentials = credentials, ServiceUrl = endpoint, MaxAttempts = 2 });
        try
        {
            await s3.ListFirstAsync(prefix, 1, cancellationToken);
            return AccessCheckResult.Ok("aws-s3", $"{prefix} can be listed (the default project's runs; writing is not tried).");
        }
        catch (AwsServiceException e)
        {
            return AccessCheckResult.Fail("aws-s3", $"{prefix} cannot be listed: {e.ErrorCode}: {Short(e.ServiceMessage)}",
                e.ErrorCode == "NoSuchBucket" ? $"Create the bucket {root.Bucket}, or point the project elsewhere." : $"Grant s3:ListBucket on {root.Bucket} and s3:GetObject/s3:PutObject on {prefix}*.");
        }
        catch (AwsNetworkException e)
        {
            return AccessCheckResult.Fail("aws-s3", $"S3 could not be reached: {Short(e.Message)}", "Check the network and the region (or AWS_ENDPOINT_URL).");
        }
    }

    private static string Short(string message) => message.Length > 300 ? message[..300] + "…" : message;
}
