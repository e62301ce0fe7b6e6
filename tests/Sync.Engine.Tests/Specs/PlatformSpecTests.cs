using System.Text.Json.Nodes;
using Sync.Engine.Clusters;
using Sync.Engine.Specs;
using Sync.Engine.Tests.Support;

namespace Sync.Engine.Tests.Specs;

/// <summary>Recommended configurations written as platform-native requests derived from real observed ones.</summary>
public class PlatformSpecTests
{
    private static readonly string Specs = Path.Combine(TestPaths.SharedData, "cluster-specs");

    private static ClusterReport EmrReport(JsonObject? spec, string workerType = "m5.xlarge", int workers = 4) =>
        ClusterReport.Parse(File.ReadAllText(TestPaths.Sample("reports/emr-m5xlarge-1-master-4-core.json")), "sample") with
        {
            Spec = spec,
        };

    private static ClusterReport Candidate(ClusterReport observed, string type, int count, IReadOnlyDictionary<string, string>? conf = null) =>
        observed with
        {
            Nodes = [.. observed.Nodes.Take(observed.Nodes.Count - 1), observed.Nodes[^1] with { InstanceType = type, Count = count }],
            SparkConf = conf ?? observed.SparkConf,
        };

    [Fact]
    public void ARealRunJobFlowRequestKeepsEverythingButTheCoreGroupAndChangedSettings()
    {
        var original = JsonNode.Parse(File.ReadAllText(Path.Combine(Specs, "awsdocs-amazon-emr-management-guide", "emr-plan-ha-placementgroup__RunJobFlow-request.json")))!.AsObject();
        var observed = EmrReport(original);
        var conf = new Dictionary<string, string>(observed.SparkConf!) { ["spark.executor.memory"] = "18972m" };

        var spec = PlatformSpec.For(observed, Candidate(observed, "r5.xlarge", 6, conf));

        Assert.Equal("ha-cluster", spec["Name"]!.GetValue<string>());
        Assert.Equal("emr-5.30.1", spec["ReleaseLabel"]!.GetValue<string>());
        Assert.Equal("subnet-22XXXX01", spec["Instances"]!["ec2SubnetId"]!.GetValue<string>());
        Assert.Equal("MASTER", spec["PlacementGroupConfigs"]![0]!["InstanceRole"]!.GetValue<string>());
        var groups = spec["Instances"]!["InstanceGroups"]!.AsArray();
        Assert.Equal((3, "m5.xlarge"), (groups[0]!["InstanceCount"]!.GetValue<int>(), groups[0]!["InstanceType"]!.GetValue<string>()));
        Assert.Equal((6, "r5.xlarge"), (groups[1]!["InstanceCount"]!.GetValue<int>(), groups[1]!["InstanceType"]!.GetValue<string>()));
        var defaults = Assert.Single(spec["Configurations"]!.AsArray());
        Assert.Equal("spark-defaults", defaults!["Classification"]!.GetValue<string>());
        Assert.Equal("18972m", defaults["Properties"]!["spark.executor.memory"]!.GetValue<string>());
        Assert.Single(defaults["Properties"]!.AsObject());
        // The observed request is not modified.
        Assert.Equal("m5.xlarge", original["Instances"]!["InstanceGroups"]![1]!["InstanceType"]!.GetValue<string>());
    }

    [Fact]
    public void TheUsersOwnSparkDefaultsAreKeptBesideTheChangedOnes()
    {
        var request = new JsonObject
        {
            ["Name"] = "etl",
            ["Instances"] = new JsonObject
            {
                ["InstanceGroups"] = new JsonArray(
                    new JsonObject { ["InstanceRole"] = "MASTER", ["InstanceType"] = "m5.xlarge", ["InstanceCount"] = 1 },
                    new JsonObject { ["InstanceRole"] = "CORE", ["InstanceType"] = "m5.xlarge", ["InstanceCount"] = 4 },
                    new JsonObject { ["InstanceRole"] = "TASK", ["InstanceType"] = "m5.xlarge", ["InstanceCount"] = 2 }),
            },
            ["Configurations"] = new JsonArray(
                new JsonObject { ["Classification"] = "spark-defaults", ["Properties"] = new JsonObject { ["spark.sql.adaptive.enabled"] = "true", ["spark.executor.cores"] = "4" } },
                new JsonObject { ["Classification"] = "yarn-site", ["Properties"] = new JsonObject { ["yarn.nodemanager.vmem-check-enabled"] = "false" } }),
        };
        var observed = EmrReport(request);
        var conf = new Dictionary<string, string>(observed.SparkConf!) { ["spark.executor.cores"] = "2" };

        var spec = PlatformSpec.For(observed, Candidate(observed, "c5.xlarge", 8, conf));

        var groups = spec["Instances"]!["InstanceGroups"]!.AsArray();
        Assert.Equal(["MASTER", "CORE"], groups.Select(g => g!["InstanceRole"]!.GetValue<string>()));
        Assert.Equal(8, groups[1]!["InstanceCount"]!.GetValue<int>());
        var properties = spec["Configurations"]![0]!["Properties"]!.AsObject();
        Assert.Equal("true", properties["spark.sql.adaptive.enabled"]!.GetValue<string>());
        Assert.Equal("2", properties["spark.executor.cores"]!.GetValue<string>());
        Assert.Equal("false", spec["Configurations"]![1]!["Properties"]!["yarn.nodemanager.vmem-check-enabled"]!.GetValue<string>());
    }

    [Fact]
    public void InstanceFleetsGetTheCandidateTypeAndKeepTheMarketSplit()
    {
        var fleets = JsonNode.Parse(File.ReadAllText(Path.Combine(Specs, "awsdocs-amazon-emr-management-guide", "emr-instance-fleet__instance-fleets-config.json")))!.AsArray();
        var observed = EmrReport(new JsonObject { ["Name"] = "fleets", ["Instances"] = new JsonObject { ["InstanceFleets"] = fleets.DeepClone() } });

        var spec = PlatformSpec.For(observed, Candidate(observed, "m5.2xlarge", 6));

        var result = spec["Instances"]!["InstanceFleets"]!.AsArray();
        Assert.DoesNotContain(result, f => f!["InstanceFleetType"]!.GetValue<string>() == "TASK");
        var core = result.Single(f => f!["InstanceFleetType"]!.GetValue<string>() == "CORE")!;
        var config = Assert.Single(core["InstanceTypeConfigs"]!.AsArray())!;
        Assert.Equal("m5.2xlarge", config["InstanceType"]!.GetValue<string>());
        Assert.Equal(100, config["BidPriceAsPercentageOfOnDemandPrice"]!.GetValue<int>());
        // The observed core fleet asked for 1 on-demand + 1 spot: half and half.
        Assert.Equal((3, 3), (core["TargetOnDemandCapacity"]!.GetValue<int>(), core["TargetSpotCapacity"]!.GetValue<int>()));
        Assert.Equal("lowest-price", core["LaunchSpecifications"]!["OnDemandSpecification"]!["AllocationStrategy"]!.GetValue<string>());
    }

    [Fact]
    public void ADatabricksClusterKeepsItsSettingsAndGetsAFixedWorkerCount()
    {
        var cluster = JsonNode.Parse(File.ReadAllText(Path.Combine(Specs, "synccomputingcode-syncsparkpy", "aws_cluster.json")))!.AsObject();
        cluster.Remove("num_workers");
        cluster["autoscale"] = new JsonObject { ["min_workers"] = 2, ["max_workers"] = 30 };
        var observed = ClusterReport.Parse(File.ReadAllText(TestPaths.Sample("reports/databricks-m5-4xlarge-4-workers.json")), "sample") with { Spec = cluster };

        var spec = PlatformSpec.For(observed, Candidate(observed, "r5.4xlarge", 7));

        Assert.Equal("r5.4xlarge", spec["node_type_id"]!.GetValue<string>());
        Assert.Equal(7, spec["num_workers"]!.GetValue<int>());
        Assert.Null(spec["autoscale"]);
        Assert.Equal(cluster["spark_version"]!.GetValue<string>(), spec["spark_version"]!.GetValue<string>());
        Assert.Equal(cluster["aws_attributes"]!.ToJsonString(), spec["aws_attributes"]!.ToJsonString());
        Assert.Equal(cluster["driver_node_type_id"]!.GetValue<string>(), spec["driver_node_type_id"]!.GetValue<string>());
    }

    [Fact]
    public void WithoutAnObservedRequestAMinimalOneIsBuiltFromTheReport()
    {
        var observed = EmrReport(null);

        var spec = PlatformSpec.For(observed, Candidate(observed, "m5.2xlarge", 3));

        Assert.Equal("emr-6.15.0", spec["ReleaseLabel"]!.GetValue<string>());
        var groups = spec["Instances"]!["InstanceGroups"]!.AsArray();
        Assert.Equal([("MASTER", "m5.xlarge", 1), ("CORE", "m5.2xlarge", 3)],
            groups.Select(g => (g!["InstanceRole"]!.GetValue<string>(), g["InstanceType"]!.GetValue<string>(), g["InstanceCount"]!.GetValue<int>())));
        Assert.Null(spec["Configurations"]);
    }
}
