using Amazon.Runtime;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.Emr.Model;
using Sync.Clients.Aws.S3;
using Sync.Tests.Support;

namespace Sync.Clients.Tests.Aws;

/// <summary>The secret access key and the session token appear in no exception (message, inner exceptions, stack) and no log line.</summary>
[Collection(MotoCollection.Name)]
public sealed class SecretsNeverLeakTests(MotoServer moto)
{
    [Fact]
    public async Task No_failure_of_the_EMR_client_shows_a_secret()
    {
        var log = new List<string>();
        var failures = new List<Exception>();
        using (var handler = new FaultInjectingHandler()
                   .On("DescribeCluster", Fault.Throttling, Fault.Dropped, Fault.Throttling)
                   .On("ListSteps", Fault.AccessDenied)
                   .On("ListInstances", Fault.Slow(TimeSpan.FromSeconds(3)), Fault.Slow(TimeSpan.FromSeconds(3))))
        using (var emr = MotoClients.Emr(moto, handler, new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 }, log.Add))
        {
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => emr.DescribeClusterAsync("j-X")));
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => emr.DescribeClusterAsync("j-UNKNOWN")));
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => emr.ListStepsAsync(new ListStepsInput { ClusterId = "j-X" })));
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => emr.ListInstancesAsync(new ListInstancesInput { ClusterId = "j-X" })));
        }

        using (var unreachable = new EmrServiceClient(new EmrServiceClientOptions
               {
                   Region = MotoClients.Region, Credentials = MotoServer.Credentials, ServiceUrl = new Uri("http://127.0.0.1:9/"),
                   Retry = new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.Zero }, Log = log.Add,
               }))
        {
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => unreachable.DescribeClusterAsync("j-X")));
        }

        using (var s3 = MotoClients.S3(moto))
        {
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => s3.OpenReadAsync(S3Location.Parse("s3://no-such-bucket/key"))));
        }

        failures.Add(Assert.ThrowsAny<Exception>(() => AwsEnvironment.ResolveCredentials("sync-no-such-profile-" + Guid.NewGuid().ToString("N"))));

        Assert.Equal(7, failures.Count);
        Assert.NotEmpty(log);
        var immutable = MotoServer.Credentials.GetCredentials();
        foreach (var text in failures.Select(f => f.ToString()).Concat(log))
        {
            Assert.DoesNotContain(immutable.SecretKey, text);
            Assert.DoesNotContain(immutable.Token, text);
        }
    }

    [Fact]
    public async Task The_session_token_is_sent_as_a_header_and_signed()
    {
        using var probe = new TokenProbe();
        using var probing = new EmrServiceClient(new EmrServiceClientOptions { Region = MotoClients.Region, Credentials = MotoServer.Credentials, ServiceUrl = moto.Url, Transport = probe });

        await Assert.ThrowsAsync<AwsServiceException>(() => probing.DescribeClusterAsync("j-NONE"));

        Assert.Equal(MotoServer.Credentials.GetCredentials().Token, probe.Token);
        Assert.Contains("x-amz-security-token", probe.Authorization);
        Assert.Contains("Credential=AKIAMOTOTESTACCESSKEY/", probe.Authorization);
        Assert.Contains("/us-east-1/elasticmapreduce/aws4_request", probe.Authorization);
    }

    private sealed class TokenProbe() : DelegatingHandler(new SocketsHttpHandler())
    {
        public string? Token { get; private set; }

        public string Authorization { get; private set; } = "";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Token = request.Headers.GetValues("X-Amz-Security-Token").Single();
            Authorization = request.Headers.GetValues("Authorization").Single();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
