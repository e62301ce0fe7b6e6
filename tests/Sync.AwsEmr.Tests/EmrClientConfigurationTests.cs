using Amazon.Runtime;
using Sync.Api;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests;

/// <summary>
/// A machine without AWS configuration: no region and no credentials anywhere the SDK looks (environment, shared files,
/// instance metadata). The variables are changed for this process only and restored; the class runs in the moto
/// collection so that no other AWS test of this assembly runs at the same time.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class EmrClientConfigurationTests(MotoServer moto) : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
    ];

    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _empty = Directory.CreateTempSubdirectory("sync-aws-").FullName;

    [Fact]
    public async Task No_region_anywhere_is_invalid_input_with_a_hint()
    {
        Unconfigure();
        using var client = new EmrClient(new EmrClientOptions { Credentials = MotoServer.Credentials, ServiceUrl = moto.Url });

        var response = await client.GetClusterReportAsync("j-ANY");

        Assert.Equal((SyncErrorKind.InvalidInput, "region-missing"), (response.Error!.Kind, response.Error.Code));
        Assert.Contains("AWS_REGION", response.Error.Hint);
    }

    [Fact]
    public async Task No_credentials_anywhere_is_an_authentication_error_with_a_hint()
    {
        Unconfigure();
        using var client = new EmrClient(new EmrClientOptions { Region = "us-east-1", ServiceUrl = moto.Url });

        var response = await client.GetClusterReportAsync("j-ANY");

        Assert.Equal((SyncErrorKind.Authentication, "credentials-missing"), (response.Error!.Kind, response.Error.Code));
        Assert.Contains("aws configure", response.Error.Hint);
    }

    [Fact]
    public async Task Credentials_and_region_from_the_environment_are_used()
    {
        Unconfigure();
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "from/the+environment");
        FallbackRegionFactory.Reset();
        using var client = new EmrClient(new EmrClientOptions { ServiceUrl = moto.Url });

        var response = await client.GetClusterReportAsync("j-NOSUCHCLUSTER");

        Assert.Equal(SyncErrorKind.NotFound, response.Error!.Kind);
        Assert.Contains("us-east-1", response.Error.Message);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        FallbackRegionFactory.Reset();
        Directory.Delete(_empty, recursive: true);
    }

    private void Unconfigure()
    {
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(_empty, "config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_empty, "credentials"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        FallbackRegionFactory.Reset();
    }
}
