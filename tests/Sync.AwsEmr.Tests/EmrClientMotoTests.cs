using System.Text.Json.Nodes;
using Amazon.Runtime;
using Sync.Api;
using Sync.AwsEmr.Specs;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr.Model;
using Sync.Clients.Aws.S3;
using Sync.Engine.Clusters;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests;

/// <summary><see cref="EmrClient.GetClusterReportAsync"/> against moto_server, and each kind of error it reports.</summary>
[Collection(MotoCollection.Name)]
public sealed class EmrClientMotoTests(MotoServer moto)
{
    [Fact]
    public async Task A_terminated_group_cluster_started_from_a_prepared_spec_is_reported_in_full()
    {
        var spec = JsonNode.Parse("""
            {
              "Name": "report-me", "ReleaseLabel": "emr-6.15.0",
              "Instances": {
                "KeepJobFlowAliveWhenNoSteps": true,
                "InstanceGroups": [
                  { "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1 },
                  { "InstanceRole": "CORE", "InstanceType": "r5.2xlarge", "InstanceCount": 3, "Market": "SPOT", "BidPrice": "0.30",
                    "EbsConfiguration": { "EbsBlockDeviceConfigs": [ { "VolumeSpecification": { "VolumeType": "gp3", "SizeInGB": 128 }, "VolumesPerInstance": 2 } ] } }
                ]
              },
              "Configurations": [ { "Classification": "spark-defaults", "Properties": { "spark.executor.memory": "12g" } } ]
            }
            """)!.AsObject();
        var prepared = RunJobFlowPreparation.Prepare(spec, "p-1", "r-1", S3Location.Parse("s3://sync/p-1/20261126T010000Z/r-1")).Value;
        using var emr = MotoClients.Emr(moto);
        var id = (await emr.RunJobFlowAsync(prepared.Spec)).JobFlowId!;
        await emr.TerminateJobFlowsAsync([id]);
        using var client = Client();

        var response = await client.GetClusterReportAsync(id);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Empty(response.Warnings);
        var report = response.Value;
        Assert.Equal(("aws-emr", MotoClients.Region, "emr-6.15.0"), (report.Platform, report.Region, report.RuntimeVersion));
        Assert.Equal([("master", "m5.xlarge", 1, "on-demand"), ("core", "r5.2xlarge", 3, "spot")], report.Nodes.Select(n => (n.Role, n.InstanceType, n.Count, n.Market)));
        Assert.Equal(new EbsVolume("gp3", 128, 2), Assert.Single(report.Nodes[1].Ebs!));
        Assert.Equal("12g", report.SparkConf!["spark.executor.memory"]);
        Assert.Equal("true", report.SparkConf["spark.eventLog.enabled"]);
        Assert.Equal("s3://sync/p-1/20261126T010000Z/r-1/eventlog/", report.SparkConf["spark.eventLog.dir"]);
        Assert.InRange(report.Timeline.Requested, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.InRange(report.Timeline.Terminated, report.Timeline.Requested, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(report.ToJson(), ClusterReport.Parse(report.ToJson(), "moto report").ToJson());

        var tags = (await emr.DescribeClusterAsync(id)).Tags!;
        Assert.Contains(tags, t => t is { Key: "sync:project-id", Value: "p-1" });
        Assert.Contains(tags, t => t is { Key: "sync:run-id", Value: "r-1" });
    }

    [Fact]
    public async Task A_running_cluster_is_reported_up_to_now_with_a_warning()
    {
        var id = await StartAsync();
        using var client = Client();

        var response = await client.GetClusterReportAsync(id);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal("cluster-not-terminated", Assert.Single(response.Warnings).Code);
        Assert.InRange(response.Value.Timeline.Terminated, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    /// <summary>moto starts fleet clusters but implements neither ListInstanceFleets nor their instances: the fleets come from AWS's documented answer.</summary>
    [Fact]
    public async Task A_fleet_cluster_is_reported_from_its_fleets()
    {
        using var emr = MotoClients.Emr(moto);
        var docs = Path.Combine(RepoPaths.SharedData, "cluster-specs", "awsdocs-amazon-emr-management-guide");
        var id = (await emr.RunJobFlowAsync(new JsonObject
        {
            ["Name"] = "fleets",
            ["ReleaseLabel"] = "emr-6.15.0",
            ["Instances"] = new JsonObject { ["InstanceFleets"] = JsonNode.Parse(File.ReadAllText(Path.Combine(docs, "emr-instance-fleet__instance-fleets-config.json"))) },
        })).JobFlowId!;
        using var fleets = new FaultInjectingHandler().Answer("ListInstanceFleets", File.ReadAllText(Path.Combine(docs, "emr-instance-fleet__list-instance-fleets-output.json")));
        using var client = Client(fleets);

        var response = await client.GetClusterReportAsync(id);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal([("master", 1, "on-demand"), ("core", 1, "on-demand"), ("core", 3, "spot")], response.Value.Nodes.Select(n => (n.Role, n.Count, n.Market)));
        Assert.Equal(1, fleets.Count("ListInstanceFleets"));
        Assert.Equal(1, fleets.Count("ListInstanceGroups"));
    }

    [Fact]
    public async Task An_unknown_cluster_is_not_found()
    {
        using var client = Client();

        var response = await client.GetClusterReportAsync("j-NOSUCHCLUSTER");

        Assert.Equal(SyncErrorKind.NotFound, response.Error!.Kind);
        Assert.Contains("j-NOSUCHCLUSTER", response.Error.Message);
        Assert.Contains("us-east-1", response.Error.Message);
        Assert.Equal("Check the id and the region.", response.Error.Hint);
    }

    [Fact]
    public async Task A_missing_cluster_id_is_invalid_input()
    {
        using var client = Client();

        var response = await client.GetClusterReportAsync("  ");

        Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_a_service_error_with_a_hint()
    {
        var id = await StartAsync();
        using var throttling = new FaultInjectingHandler().On("ListInstanceGroups", Fault.Throttling, Fault.Throttling, Fault.Throttling);
        using var client = Client(throttling);

        var response = await client.GetClusterReportAsync(id);

        Assert.Equal((SyncErrorKind.Service, "ThrottlingException"), (response.Error!.Kind, response.Error.Code));
        Assert.Contains("MaxAttempts", response.Error.Hint);
        Assert.Equal(3, throttling.Count("ListInstanceGroups"));
    }

    [Fact]
    public async Task Throttling_that_ends_within_the_retries_is_not_an_error()
    {
        var id = await StartAsync();
        using var throttling = new FaultInjectingHandler().On("DescribeCluster", Fault.Throttling).On("ListSteps", Fault.Unavailable, Fault.Dropped);
        using var client = Client(throttling);

        var response = await client.GetClusterReportAsync(id);

        Assert.True(response.IsSuccess, response.ToString());
    }

    [Fact]
    public async Task Permission_denied_names_the_operation()
    {
        using var denied = new FaultInjectingHandler().On("DescribeCluster", Fault.AccessDenied);
        using var client = Client(denied);

        var response = await client.GetClusterReportAsync("j-ANY");

        Assert.Equal(SyncErrorKind.PermissionDenied, response.Error!.Kind);
        Assert.Contains("DescribeCluster", response.Error.Hint);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_network_error_and_a_silent_one_a_timeout()
    {
        using var unreachable = new EmrClient(new EmrClientOptions
        {
            Region = MotoClients.Region, Credentials = MotoServer.Credentials, ServiceUrl = new Uri("http://127.0.0.1:9/"),
            Retry = new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });
        var network = await unreachable.GetClusterReportAsync("j-ANY");
        Assert.Equal(SyncErrorKind.Network, network.Error!.Kind);
        Assert.Contains("127.0.0.1:9", network.Error.Message);

        using var slow = new FaultInjectingHandler().On("DescribeCluster", Fault.Slow(TimeSpan.FromSeconds(5)), Fault.Slow(TimeSpan.FromSeconds(5)));
        using var client = Client(slow, new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromMilliseconds(300) });
        var timeout = await client.GetClusterReportAsync("j-ANY");
        Assert.Equal(SyncErrorKind.Timeout, timeout.Error!.Kind);
    }

    [Fact]
    public async Task Cancellation_is_reported_as_cancelled()
    {
        using var slow = new FaultInjectingHandler().On("DescribeCluster", Fault.Slow(TimeSpan.FromSeconds(30)));
        using var client = Client(slow);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var response = await client.GetClusterReportAsync("j-ANY", cancel.Token);

        Assert.Equal(SyncErrorKind.Cancelled, response.Error!.Kind);
    }

    [Fact]
    public async Task A_missing_profile_is_an_authentication_error_with_a_hint()
    {
        using var client = new EmrClient(new EmrClientOptions { Region = MotoClients.Region, Profile = "sync-test-no-such-profile", ServiceUrl = moto.Url });

        var response = await client.GetClusterReportAsync("j-ANY");

        Assert.Equal(SyncErrorKind.Authentication, response.Error!.Kind);
        Assert.Contains("sync-test-no-such-profile", response.Error.Message);
        Assert.Contains("--profile", response.Error.Hint);
    }

    [Fact]
    public async Task Errors_never_show_the_secret_key_or_the_session_token()
    {
        var secret = MotoServer.Credentials.GetCredentials();
        var errors = new List<SyncError>();
        using (var faults = new FaultInjectingHandler().On("DescribeCluster", Fault.AccessDenied, Fault.Throttling, Fault.Throttling, Fault.Throttling))
        using (var client = Client(faults))
        {
            errors.Add((await client.GetClusterReportAsync("j-ANY")).Error!);
            errors.Add((await client.GetClusterReportAsync("j-ANY")).Error!);
            errors.Add((await client.GetClusterReportAsync("j-NOSUCHCLUSTER")).Error!);
        }

        Assert.All(errors, e => Assert.NotNull(e));
        foreach (var text in errors.Select(e => e.ToString() + e.Code))
        {
            Assert.DoesNotContain(secret.SecretKey, text);
            Assert.DoesNotContain(secret.Token, text);
        }
    }

    private EmrClient Client(HttpMessageHandler? transport = null, AwsRetryOptions? retry = null) => new(new EmrClientOptions
    {
        Region = MotoClients.Region,
        Credentials = MotoServer.Credentials,
        ServiceUrl = moto.Url,
        Transport = transport,
        Retry = retry ?? new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10) },
    });

    private async Task<string> StartAsync()
    {
        using var emr = MotoClients.Emr(moto);
        return (await emr.RunJobFlowAsync(new RunJobFlowInput
        {
            Name = "running",
            ReleaseLabel = "emr-7.1.0",
            Instances = new JobFlowInstancesConfig
            {
                KeepJobFlowAliveWhenNoSteps = true,
                InstanceGroups =
                [
                    new InstanceGroupConfig { InstanceRole = NodeRole.Master, InstanceType = "m5.xlarge", InstanceCount = 1 },
                    new InstanceGroupConfig { InstanceRole = NodeRole.Core, InstanceType = "m5.xlarge", InstanceCount = 2 },
                ],
            },
            Steps = [new StepConfig { Name = "job", HadoopJarStep = new HadoopJarStepConfig { Jar = "command-runner.jar", Args = ["spark-submit", "x.py"] } }],
        })).JobFlowId!;
    }
}
