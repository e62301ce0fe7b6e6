using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.S3;

namespace Sync.Tests.Support;

/// <summary>Clients pointed at a <see cref="MotoServer"/>, optionally through a handler (fault injection, counting).</summary>
public static class MotoClients
{
    public const string Region = "us-east-1";

    public static EmrServiceClient Emr(MotoServer moto, HttpMessageHandler? transport = null, AwsRetryOptions? retry = null, Action<string>? log = null) =>
        new(new EmrServiceClientOptions
        {
            Region = Region,
            Credentials = MotoServer.Credentials,
            ServiceUrl = moto.Url,
            Transport = transport,
            Retry = retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20) },
            Log = log,
        });

    public static S3Storage S3(MotoServer moto, int? listPageSize = null) =>
        new(new S3StorageOptions { Region = Region, Credentials = MotoServer.Credentials, ServiceUrl = moto.Url, ListPageSize = listPageSize });
}
