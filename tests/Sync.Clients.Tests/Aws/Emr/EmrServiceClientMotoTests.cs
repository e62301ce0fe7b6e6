using System.Text.Json.Nodes;
using Sync.Clients.Aws;
using Sync.Clients.Aws.Emr.Model;
using Sync.Tests.Support;

namespace Sync.Clients.Tests.Aws.Emr;

/// <summary>Every EMR operation of the client against moto_server (the real JSON 1.1 wire protocol, SigV4-routed).</summary>
[Collection(MotoCollection.Name)]
public sealed class EmrServiceClientMotoTests(MotoServer moto)
{
    [Fact]
    public async Task A_cluster_with_instance_groups_is_started_described_listed_tagged_and_terminated()
    {
        using var emr = MotoClients.Emr(moto);
        var request = new RunJobFlowInput
        {
            Name = "groups-cluster",
            ReleaseLabel = "emr-6.15.0",
            LogUri = "s3://logs/emr/",
            Instances = new JobFlowInstancesConfig
            {
                KeepJobFlowAliveWhenNoSteps = true,
                InstanceGroups =
                [
                    new InstanceGroupConfig { InstanceRole = NodeRole.Master, InstanceType = "m5.xlarge", InstanceCount = 1, Market = MarketType.OnDemand },
                    new InstanceGroupConfig { InstanceRole = NodeRole.Core, InstanceType = "r5.2xlarge", InstanceCount = 3, Market = MarketType.Spot, BidPrice = "0.30" },
                ],
            },
            Applications = [new Application { Name = "Spark" }],
            Configurations = [new Configuration { Classification = "spark-defaults", Properties = new() { ["spark.executor.memory"] = "8g" } }],
            BootstrapActions = [new BootstrapActionConfig { Name = "setup", ScriptBootstrapAction = new ScriptBootstrapActionConfig { Path = "s3://b/setup.sh", Args = ["a"] } }],
            Steps = [new StepConfig { Name = "spark-job", ActionOnFailure = ActionOnFailure.Continue, HadoopJarStep = new HadoopJarStepConfig { Jar = "command-runner.jar", Args = ["spark-submit", "job.py"] } }],
            Tags = [new Tag { Key = "team", Value = "data" }],
            JobFlowRole = "EMR_EC2_DefaultRole",
            ServiceRole = "EMR_DefaultRole",
        };

        var started = await emr.RunJobFlowAsync(request);
        Assert.StartsWith("j-", started.JobFlowId);
        var id = started.JobFlowId!;

        var cluster = await emr.DescribeClusterAsync(id);
        Assert.Equal("groups-cluster", cluster.Name);
        Assert.Equal("emr-6.15.0", cluster.ReleaseLabel);
        Assert.Contains(cluster.Tags!, t => t is { Key: "team", Value: "data" });
        Assert.Equal("8g", cluster.Configurations!.Single(c => c.Classification == "spark-defaults").Properties!["spark.executor.memory"]);
        Assert.NotNull(cluster.Status!.Timeline!.CreationDateTime);
        Assert.InRange(cluster.Status.Timeline.CreationDateTime!.Value, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));

        var groups = await emr.ListInstanceGroupsAsync(id);
        Assert.Equal(2, groups.Count);
        var core = groups.Single(g => g.InstanceGroupType == NodeRole.Core);
        Assert.Equal("r5.2xlarge", core.InstanceType);
        Assert.Equal(3, core.RequestedInstanceCount);
        Assert.Equal(MarketType.Spot, core.Market);

        var instances = await emr.ListInstancesAsync(new ListInstancesInput { ClusterId = id });
        Assert.Equal(4, instances.Count);
        var coreOnly = await emr.ListInstancesAsync(new ListInstancesInput { ClusterId = id, InstanceGroupTypes = [NodeRole.Core] });
        Assert.Equal(3, coreOnly.Count);

        var actions = await emr.ListBootstrapActionsAsync(id);
        Assert.Equal("s3://b/setup.sh", Assert.Single(actions).ScriptPath);

        var steps = await emr.ListStepsAsync(new ListStepsInput { ClusterId = id });
        var step = Assert.Single(steps);
        Assert.Equal("spark-job", step.Name);
        Assert.Equal(["spark-submit", "job.py"], step.Config!.Args!);

        await emr.AddTagsAsync(id, [new Tag { Key = "sync:run-id", Value = "r-1" }]);
        Assert.Contains((await emr.DescribeClusterAsync(id)).Tags!, t => t is { Key: "sync:run-id", Value: "r-1" });

        await emr.TerminateJobFlowsAsync([id]);
        var ended = await emr.DescribeClusterAsync(id);
        Assert.Equal(ClusterState.Terminated, ended.Status!.State);
        Assert.NotNull(ended.Status.Timeline!.EndDateTime);
    }

    /// <summary>moto accepts fleets in RunJobFlow but does not implement ListInstanceFleets: that answer is AWS's own documented one.</summary>
    [Fact]
    public async Task A_raw_json_spec_with_instance_fleets_is_sent_as_it_is()
    {
        var handler = new CountingHandler();
        var docs = Path.Combine(RepoPaths.SharedData, "cluster-specs", "awsdocs-amazon-emr-management-guide");
        using var fleetsAnswer = new FaultInjectingHandler().Answer("ListInstanceFleets", File.ReadAllText(Path.Combine(docs, "emr-instance-fleet__list-instance-fleets-output.json")));
        using var emr = MotoClients.Emr(moto, handler);
        using var fleetsClient = MotoClients.Emr(moto, fleetsAnswer);
        var fleets = JsonNode.Parse(File.ReadAllText(Path.Combine(docs, "emr-instance-fleet__instance-fleets-config.json")))!;
        var spec = new JsonObject
        {
            ["Name"] = "fleet-cluster",
            ["ReleaseLabel"] = "emr-6.15.0",
            ["Instances"] = new JsonObject { ["InstanceFleets"] = fleets, ["KeepJobFlowAliveWhenNoSteps"] = true },
            ["StepConcurrencyLevel"] = 2,
        };

        var id = (await emr.RunJobFlowAsync(spec)).JobFlowId!;

        var sent = JsonNode.Parse(handler.Requests.Single(r => r.Target == "ElasticMapReduce.RunJobFlow").Body)!;
        Assert.True(JsonNode.DeepEquals(spec, sent));
        Assert.Equal("fleet-cluster", (await emr.DescribeClusterAsync(id)).Name); // moto leaves InstanceCollectionType out
        var listed = await fleetsClient.ListInstanceFleetsAsync(id);
        Assert.Equal(["CORE", "MASTER"], listed.Select(f => f.InstanceFleetType!).Order());
        var core = listed.Single(f => f.InstanceFleetType == NodeRole.Core);
        Assert.Equal((6, 2), (core.ProvisionedSpotCapacity, core.ProvisionedOnDemandCapacity));
        Assert.Equal(2, core.InstanceTypeSpecifications!.Single().WeightedCapacity);
        Assert.Equal(1488758719.817m, (decimal)core.Status!.Timeline!.CreationDateTime!.Value.ToUnixTimeMilliseconds() / 1000);
    }

    [Fact]
    public async Task List_operations_follow_the_marker_through_every_page()
    {
        var handler = new CountingHandler();
        using var emr = MotoClients.Emr(moto, handler);
        var steps = Enumerable.Range(1, 61).Select(i => new StepConfig
        {
            Name = $"step-{i}",
            HadoopJarStep = new HadoopJarStepConfig { Jar = "command-runner.jar", Args = ["echo", i.ToString(System.Globalization.CultureInfo.InvariantCulture)] },
        }).ToList();
        var id = (await emr.RunJobFlowAsync(new RunJobFlowInput
        {
            Name = "many-steps",
            Instances = new JobFlowInstancesConfig { MasterInstanceType = "m5.xlarge", SlaveInstanceType = "m5.xlarge", InstanceCount = 2, KeepJobFlowAliveWhenNoSteps = true },
            Steps = steps,
        })).JobFlowId!;

        var input = new ListStepsInput { ClusterId = id };
        var listed = await emr.ListStepsAsync(input);

        Assert.Null(input.Marker);
        Assert.Equal(61, listed.Count);
        Assert.Equal(61, listed.Select(s => s.Id).Distinct().Count());
        Assert.True(handler.Count("ListSteps") > 1, "moto should have answered in more than one page");
        Assert.Contains(handler.Requests, r => r.Target.EndsWith("ListSteps", StringComparison.Ordinal) && r.Body.Contains("\"Marker\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_cluster_is_a_service_error_with_the_code_message_and_no_retry()
    {
        var handler = new CountingHandler();
        using var emr = MotoClients.Emr(moto, handler);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => emr.DescribeClusterAsync("j-DOESNOTEXIST"));

        Assert.Equal("InvalidRequestException", error.ErrorCode);
        Assert.Equal("DescribeCluster", error.Operation);
        Assert.Equal(1, error.Attempts);
        Assert.Equal(1, handler.Count("DescribeCluster"));
        Assert.Contains("InvalidRequestException", error.Message);
    }
}
