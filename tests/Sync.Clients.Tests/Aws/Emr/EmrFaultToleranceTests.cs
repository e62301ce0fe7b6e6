using System.Net;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.Emr.Model;
using Sync.Tests.Support;

namespace Sync.Clients.Tests.Aws.Emr;

/// <summary>
/// The EMR client behind a <see cref="FaultInjectingHandler"/> in front of moto_server: throttling, 5xx, slow answers
/// and dropped connections are retried until moto's real answer arrives; permanent errors are reported at once.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class EmrFaultToleranceTests(MotoServer moto)
{
    [Theory]
    [InlineData("throttling twice", new[] { "throttling", "throttling" })]
    [InlineData("500 then 503", new[] { "500", "503" })]
    [InlineData("429", new[] { "429" })]
    [InlineData("dropped connection then refused", new[] { "dropped", "refused" })]
    public async Task Transient_failures_are_retried_until_moto_answers(string name, string[] faults)
    {
        var id = await StartClusterAsync();
        using var handler = new FaultInjectingHandler().On("DescribeCluster", [.. faults.Select(Parse)]);
        var log = new List<string>();
        using var emr = MotoClients.Emr(moto, handler, log: log.Add);

        var cluster = await emr.DescribeClusterAsync(id);

        Assert.Equal(id, cluster.Id);
        Assert.True(faults.Length + 1 == handler.Count("DescribeCluster"), name);
        Assert.Equal(faults.Length, log.Count);
        Assert.All(log, line => Assert.Contains("retrying in", line));
    }

    [Fact]
    public async Task A_slow_answer_counts_as_a_failed_attempt_and_is_retried()
    {
        var id = await StartClusterAsync();
        using var handler = new FaultInjectingHandler().On("ListInstanceGroups", Fault.Slow(TimeSpan.FromSeconds(5)));
        using var emr = MotoClients.Emr(moto, handler, new AwsRetryOptions { AttemptTimeout = TimeSpan.FromMilliseconds(500), BaseDelay = TimeSpan.FromMilliseconds(10) });

        var groups = await emr.ListInstanceGroupsAsync(id);

        Assert.Equal(2, groups.Count);
        Assert.Equal(2, handler.Count("ListInstanceGroups"));
    }

    [Fact]
    public async Task Throttling_on_every_attempt_ends_in_a_throttling_error_after_the_configured_attempts()
    {
        var id = await StartClusterAsync();
        using var handler = new FaultInjectingHandler().On("ListSteps", Fault.Throttling, Fault.Throttling, Fault.Throttling, Fault.Throttling);
        using var emr = MotoClients.Emr(moto, handler, new AwsRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(5) });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => emr.ListStepsAsync(new ListStepsInput { ClusterId = id }));

        Assert.True(error.IsThrottling);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, handler.Count("ListSteps"));
        Assert.StartsWith("injected-", error.RequestId);
        Assert.Contains("after 4 attempts", error.Message);
    }

    [Fact]
    public async Task A_permanent_error_is_reported_at_once_with_its_code_message_and_request_id()
    {
        using var handler = new FaultInjectingHandler().On("DescribeCluster", Fault.AccessDenied);
        using var emr = MotoClients.Emr(moto, handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => emr.DescribeClusterAsync("j-ANY"));

        Assert.Equal(("AccessDeniedException", HttpStatusCode.BadRequest, 1), (error.ErrorCode, error.StatusCode, error.Attempts));
        Assert.Equal("injected AccessDeniedException", error.ServiceMessage);
        Assert.Contains(error.RequestId!, error.Message);
        Assert.Equal(1, handler.Count("DescribeCluster"));
    }

    [Fact]
    public async Task RunJobFlow_is_not_repeated_when_the_connection_drops_after_sending_or_EMR_answers_5xx()
    {
        using var dropped = new FaultInjectingHandler().On("RunJobFlow", Fault.Dropped);
        using var emr = MotoClients.Emr(moto, dropped);
        var network = await Assert.ThrowsAsync<AwsNetworkException>(() => emr.RunJobFlowAsync(Spec("dropped-once")));
        Assert.Equal(1, dropped.Count("RunJobFlow"));
        Assert.Contains("may have reached EMR", network.Message);

        using var failing = new FaultInjectingHandler().On("RunJobFlow", Fault.InternalError);
        using var emr2 = MotoClients.Emr(moto, failing);
        var service = await Assert.ThrowsAsync<AwsServiceException>(() => emr2.RunJobFlowAsync(Spec("500-once")));
        Assert.Equal(1, service.Attempts);
    }

    [Fact]
    public async Task RunJobFlow_is_retried_after_throttling_and_refused_connections()
    {
        using var handler = new FaultInjectingHandler().On("RunJobFlow", Fault.Throttling, Fault.Refused);
        using var emr = MotoClients.Emr(moto, handler);

        var started = await emr.RunJobFlowAsync(Spec("retried-start"));

        Assert.StartsWith("j-", started.JobFlowId);
        Assert.Equal(3, handler.Count("RunJobFlow"));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_network_error_naming_it()
    {
        using var emr = new EmrServiceClient(new EmrServiceClientOptions
        {
            Region = MotoClients.Region,
            Credentials = MotoServer.Credentials,
            ServiceUrl = new Uri("http://127.0.0.1:9/"),
            Retry = new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });

        var error = await Assert.ThrowsAsync<AwsNetworkException>(() => emr.DescribeClusterAsync("j-X"));

        Assert.Equal(2, error.Attempts);
        Assert.Contains("http://127.0.0.1:9/", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_a_slow_call_promptly()
    {
        using var handler = new FaultInjectingHandler().On("DescribeCluster", Fault.Slow(TimeSpan.FromSeconds(30)));
        using var emr = MotoClients.Emr(moto, handler);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emr.DescribeClusterAsync("j-X", cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(1, handler.Count("DescribeCluster"));
    }

    private async Task<string> StartClusterAsync()
    {
        using var emr = MotoClients.Emr(moto);
        return (await emr.RunJobFlowAsync(Spec("faults"))).JobFlowId!;
    }

    private static RunJobFlowInput Spec(string name) => new()
    {
        Name = name,
        Instances = new JobFlowInstancesConfig
        {
            KeepJobFlowAliveWhenNoSteps = true,
            InstanceGroups =
            [
                new InstanceGroupConfig { InstanceRole = NodeRole.Master, InstanceType = "m5.xlarge", InstanceCount = 1 },
                new InstanceGroupConfig { InstanceRole = NodeRole.Core, InstanceType = "m5.xlarge", InstanceCount = 2 },
            ],
        },
    };

    private static Fault Parse(string fault) => fault switch
    {
        "throttling" => Fault.Throttling,
        "500" => Fault.InternalError,
        "503" => Fault.Unavailable,
        "429" => Fault.TooManyRequests,
        "dropped" => Fault.Dropped,
        "refused" => Fault.Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
