using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.AwsDatabricks.ClusterReports;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;
using Sync.Engine.Catalog;

namespace Sync.AwsDatabricks.Tests;

/// <summary>The builder on real <c>clusters/get</c> answers from the shared data (no events, as for clusters older than 30 days).</summary>
public sealed class ClusterReportBuilderTests
{
    private static readonly NodeType[] NodeTypes =
    [
        new() { NodeTypeId = "i3.xlarge", MemoryMb = 31232, NumCores = 4, NodeInstanceType = new NodeInstanceType("i3.xlarge", 1, 950) },
        new() { NodeTypeId = "m6gd.xlarge", MemoryMb = 16384, NumCores = 4, NodeInstanceType = new NodeInstanceType("m6gd.xlarge", 1, 237) },
    ];

    private static ClusterDetails Cluster(JsonObject json) => json.Deserialize<ClusterDetails>(DatabricksJson.Options)! with { Raw = json };

    [Fact]
    public void A_terminated_i3_cluster_from_syncsparkpy_becomes_a_report()
    {
        var cluster = Cluster(TestData.ClusterSpec("synccomputingcode-syncsparkpy", "aws_cluster.json"));

        var (report, warnings) = DatabricksClusterReportBuilder.Build(cluster, [], NodeTypes, null, InstanceCatalog.BuiltIn, "us-east-1");

        Assert.Equal("us-west-2", report.Region);
        Assert.Equal("13.3.x-scala2.12", report.RuntimeVersion);
        Assert.Equal(("driver", "i3.xlarge", 1, "on-demand"), (report.Nodes[0].Role, report.Nodes[0].InstanceType, report.Nodes[0].Count, report.Nodes[0].Market));
        Assert.Equal(("worker", "i3.xlarge", 30, "spot"), (report.Nodes[1].Role, report.Nodes[1].InstanceType, report.Nodes[1].Count, report.Nodes[1].Market));
        Assert.Null(report.Nodes[0].Ebs); // ebs_volume_count 0
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1618263108824), report.Timeline.Requested);
        Assert.Null(report.Timeline.Ready);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1619746525713), report.Timeline.Terminated);
        Assert.Equal(["spot-fallback"], warnings.Select(w => w.Code)); // INACTIVITY is a SUCCESS termination
    }

    [Fact]
    public void Abnormal_termination_unknown_node_types_and_auto_zones_are_warnings()
    {
        var json = TestData.ClusterSpec("spark-rapids-tools", "databricks", "aws-cpu-00.json");
        json["state"] = "TERMINATED";
        json["terminated_time"] = 1677019000000;
        json["termination_reason"] = new JsonObject { ["code"] = "DRIVER_UNREACHABLE", ["type"] = "SERVICE_FAULT", ["parameters"] = new JsonObject { ["databricks_error_message"] = "driver lost" } };
        var cluster = Cluster(json);

        var (report, warnings) = DatabricksClusterReportBuilder.Build(cluster, [], NodeTypes, null, InstanceCatalog.BuiltIn, "eu-west-1");

        Assert.Equal("eu-west-1", report.Region);
        Assert.Equal("m6gd.xlarge", report.Nodes[0].InstanceType);
        Assert.Equal("m6gd.2xlarge", report.Nodes[1].InstanceType);
        Assert.Equal("2GB", report.SparkConf!["spark.driver.maxResultSize"]);
        var codes = warnings.Select(w => w.Code).ToList();
        Assert.Contains("region-assumed", codes);
        Assert.Contains("unknown-node-type", codes); // m6gd.2xlarge is not in the node types given
        var abnormal = Assert.Single(warnings, w => w.Code == "abnormal-termination");
        Assert.Contains("DRIVER_UNREACHABLE (SERVICE_FAULT) (databricks_error_message=driver lost)", abnormal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_that_has_not_terminated_or_names_no_node_type_is_rejected()
    {
        var running = Cluster(TestData.ClusterSpec("spark-rapids-tools", "databricks", "aws-cpu-00.json"));
        var e = Assert.Throws<InvalidDataException>(() => DatabricksClusterReportBuilder.Build(running, [], NodeTypes, null, InstanceCatalog.BuiltIn, "us-east-1"));
        Assert.Contains("has not terminated (state RUNNING)", e.Message, StringComparison.Ordinal);

        var json = TestData.ClusterSpec("synccomputingcode-syncsparkpy", "aws_cluster.json");
        json.Remove("node_type_id");
        json["instance_pool_id"] = "0101-pool";
        var pooled = Assert.Throws<InvalidDataException>(() => DatabricksClusterReportBuilder.Build(Cluster(json), [], NodeTypes, null, InstanceCatalog.BuiltIn, "us-east-1"));
        Assert.Contains("instance pool 0101-pool", pooled.Message, StringComparison.Ordinal);
    }
}
