using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.AwsEmr.Reports;
using Sync.Clients.Aws.Emr;
using Sync.Clients.Aws.Emr.Model;
using Sync.Engine.Clusters;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Reports;

/// <summary><see cref="EmrClusterReportBuilder"/> on real EMR descriptions (AWS docs, spark-rapids-tools) and on edge cases.</summary>
public sealed class EmrClusterReportBuilderTests
{
    private static readonly string Specs = Path.Combine(RepoPaths.SharedData, "cluster-specs");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cli_describe_cluster_output_with_iso_times_and_ebs_becomes_a_report()
    {
        var (cluster, groups) = ClusterWithEmbeddedGroups(Path.Combine(Specs, "spark-rapids-tools", "emr", "cpu-00.json"));

        var built = Builder().Build(new EmrClusterSnapshot(cluster, groups, [], [], [], []), "us-east-2");

        var report = built.Report;
        Assert.Equal(("aws-emr", "us-east-2", "emr-5.28.0", false), (report.Platform, report.Region, report.RuntimeVersion, report.Photon));
        Assert.Equal([("master", "m5.xlarge", 1, "on-demand"), ("core", "m5.xlarge", 2, "on-demand")],
            report.Nodes.Select(n => (n.Role, n.InstanceType, n.Count, n.Market)));
        Assert.All(report.Nodes, n => Assert.Equal(new EbsVolume("gp2", 32, 2), Assert.Single(n.Ebs!)));
        Assert.Equal(DateTimeOffset.Parse("2022-12-13T13:27:23.119-06:00", System.Globalization.CultureInfo.InvariantCulture), report.Timeline.Requested);
        Assert.Equal(DateTimeOffset.Parse("2022-12-13T13:32:41.192-06:00", System.Globalization.CultureInfo.InvariantCulture), report.Timeline.Ready);
        Assert.Null(report.Timeline.FirstTask);
        Assert.Equal(Now, report.Timeline.Terminated);
        Assert.Null(report.SparkConf);
        Assert.Equal("cluster-not-terminated", Assert.Single(built.Warnings).Code);
    }

    [Fact]
    public void The_documented_auto_scaling_cluster_with_epoch_times_becomes_a_report()
    {
        var (cluster, groups) = ClusterWithEmbeddedGroups(Path.Combine(Specs, "awsdocs-amazon-emr-management-guide", "emr-automatic-scaling__describe-cluster-output.json"));
        cluster.Status!.Timeline!.EndDateTime = DateTimeOffset.FromUnixTimeSeconds(1479417037);

        var built = Builder().Build(new EmrClusterSnapshot(cluster, groups, [], [], [], []), "us-east-1");

        Assert.Empty(built.Warnings);
        Assert.Equal([("master", "m5.xlarge", 1), ("core", "m5.xlarge", 2)], built.Report.Nodes.Select(n => (n.Role, n.InstanceType, n.Count)));
        Assert.Equal(1479413437339, built.Report.Timeline.Requested.ToUnixTimeMilliseconds());
        Assert.Equal(1479413863666, built.Report.Timeline.Ready!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(3600, (built.Report.Timeline.Terminated - built.Report.Timeline.Requested).TotalSeconds, 0);
    }

    [Fact]
    public void Documented_fleets_without_listed_instances_count_capacity_units_by_market()
    {
        var fleets = Fleets();

        var built = Builder().Build(new EmrClusterSnapshot(Ended(), [], fleets, [], [], []), "us-east-1");

        Assert.Equal(
            [("master", "m5.xlarge", 1, "on-demand"), ("core", "m5.xlarge", 1, "on-demand"), ("core", "m5.xlarge", 3, "spot")],
            built.Report.Nodes.Select(n => (n.Role, n.InstanceType, n.Count, n.Market)));
    }

    [Fact]
    public void Fleet_instances_that_ran_decide_the_node_groups()
    {
        var fleets = Fleets();
        var core = fleets.Single(f => f.InstanceFleetType == NodeRole.Core).Id;
        Instance Node(string type, string market) => new() { InstanceFleetId = core, InstanceType = type, Market = market };
        var instances = new List<Instance> { Node("m5.xlarge", MarketType.Spot), Node("m5.2xlarge", MarketType.Spot), Node("m5.2xlarge", MarketType.Spot), Node("m5.xlarge", MarketType.OnDemand) };

        var built = Builder().Build(new EmrClusterSnapshot(Ended(), [], fleets, instances, [], []), "us-east-1");

        Assert.Equal(
            [("master", "m5.xlarge", 1, "on-demand"), ("core", "m5.2xlarge", 2, "spot"), ("core", "m5.xlarge", 1, "spot"), ("core", "m5.xlarge", 1, "on-demand")],
            built.Report.Nodes.Select(n => (n.Role, n.InstanceType, n.Count, n.Market)));
    }

    [Fact]
    public void Spark_defaults_unknown_types_failed_steps_and_failed_clusters_show_in_the_report_and_warnings()
    {
        var cluster = Ended();
        cluster.Status!.State = ClusterState.TerminatedWithErrors;
        cluster.Status.StateChangeReason = new StateChangeReason { Code = ClusterStateChangeReasonCode.StepFailure, Message = "Shut down as step failed" };
        cluster.Configurations =
        [
            new Configuration { Classification = "spark-defaults", Properties = new() { ["spark.executor.memory"] = "8g", ["spark.eventLog.dir"] = "s3://b/e/" } },
            new Configuration { Classification = "spark-env", Properties = new() { ["X"] = "1" } },
        ];
        var groups = new List<InstanceGroup>
        {
            new() { InstanceGroupType = NodeRole.Master, InstanceType = "m5.xlarge", RequestedInstanceCount = 1, Market = MarketType.OnDemand },
            new() { InstanceGroupType = NodeRole.Task, InstanceType = "zz9.mega", RequestedInstanceCount = 4, Market = MarketType.Spot },
        };
        var steps = new List<StepSummary> { new() { Id = "s-1", Name = "etl", Status = new StepStatus { State = StepState.Failed, FailureDetails = new FailureDetails { Reason = "Exit code 1" } } } };

        var built = Builder().Build(new EmrClusterSnapshot(cluster, groups, [], [], [], steps), "eu-west-1");

        Assert.Equal(new Dictionary<string, string> { ["spark.executor.memory"] = "8g", ["spark.eventLog.dir"] = "s3://b/e/" }, built.Report.SparkConf);
        Assert.Equal(("task", "spot"), (built.Report.Nodes[1].Role, built.Report.Nodes[1].Market));
        Assert.Equal(["instance-type-unknown", "step-failed", "cluster-failed"], built.Warnings.Select(w => w.Code));
        Assert.Contains("zz9.mega", built.Warnings[0].Message);
        Assert.Contains("Exit code 1", built.Warnings[1].Message);
        Assert.Contains("STEP_FAILURE", built.Warnings[2].Message);
    }

    [Fact]
    public void A_report_round_trips_through_the_documented_json()
    {
        var (cluster, groups) = ClusterWithEmbeddedGroups(Path.Combine(Specs, "spark-rapids-tools", "emr", "cpu-00.json"));
        var report = Builder().Build(new EmrClusterSnapshot(cluster, groups, [], [], [], []), "us-east-2").Report;

        var again = ClusterReport.Parse(report.ToJson(), "report");

        Assert.Equal(report.ToJson(), again.ToJson());
        Assert.Contains("\"instanceType\": \"m5.xlarge\"", report.ToJson());
    }

    [Fact]
    public void A_cluster_without_groups_or_fleets_cannot_be_reported()
    {
        var error = Assert.Throws<InvalidDataException>(() => Builder().Build(new EmrClusterSnapshot(Ended(), [], [], [], [], []), "us-east-1"));

        Assert.Contains("neither instance groups nor instance fleets", error.Message);
    }

    [Fact]
    public void A_group_without_an_instance_type_fails_the_report_s_own_validation()
    {
        var groups = new List<InstanceGroup> { new() { InstanceGroupType = NodeRole.Master, RequestedInstanceCount = 1 } };

        var error = Assert.Throws<InvalidDataException>(() => Builder().Build(new EmrClusterSnapshot(Ended(), groups, [], [], [], []), "us-east-1"));

        Assert.Contains("nodes[0].instanceType is missing", error.Message);
    }

    private static EmrClusterReportBuilder Builder() => new(time: new FixedTime(Now));

    private static Cluster Ended() => new()
    {
        Id = "j-TEST",
        ReleaseLabel = "emr-6.15.0",
        Status = new ClusterStatus
        {
            State = ClusterState.Terminated,
            Timeline = new EmrTimeline { CreationDateTime = Now.AddHours(-2), ReadyDateTime = Now.AddHours(-2).AddMinutes(6), EndDateTime = Now.AddHours(-1) },
        },
    };

    private static List<InstanceFleet> Fleets() =>
        JsonSerializer.Deserialize<ListInstanceFleetsOutput>(
            File.ReadAllText(Path.Combine(Specs, "awsdocs-amazon-emr-management-guide", "emr-instance-fleet__list-instance-fleets-output.json")), EmrJson.Options)!.InstanceFleets!;

    private static (Cluster Cluster, List<InstanceGroup> Groups) ClusterWithEmbeddedGroups(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!["Cluster"]!;
        var cluster = JsonSerializer.Deserialize<Cluster>(json.ToJsonString(), EmrJson.Options)!;
        var groups = JsonSerializer.Deserialize<List<InstanceGroup>>(json["InstanceGroups"]!.ToJsonString(), EmrJson.Options)!;
        return (cluster, groups);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
