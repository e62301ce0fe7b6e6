using System.Text.Json.Nodes;
using Sync.AwsEmr.Specs;

namespace Sync.AwsEmr.Tests.Specs;

/// <summary><see cref="PredictionSpec.Apply"/>: the solution's instances and Spark settings onto the basis request, the basis run's own tags and log directory removed.</summary>
public sealed class PredictionSpecTests
{
    private const string ProjectRoot = "s3://bucket/projects/p-1";

    private static JsonObject Basis() => JsonNode.Parse("""
        {
          "Name": "etl", "ReleaseLabel": "emr-6.15.0", "LogUri": "s3://logs/",
          "Instances": { "Ec2SubnetId": "subnet-1", "KeepJobFlowAliveWhenNoSteps": false,
            "InstanceFleets": [ { "InstanceFleetType": "MASTER", "TargetOnDemandCapacity": 1, "InstanceTypeConfigs": [ { "InstanceType": "m5.xlarge" } ] },
                                { "InstanceFleetType": "CORE", "TargetSpotCapacity": 4, "InstanceTypeConfigs": [ { "InstanceType": "r5.xlarge" } ] } ] },
          "Configurations": [ { "Classification": "spark-defaults", "Properties": {
              "spark.executor.memory": "8g", "spark.eventLog.enabled": "true", "spark.eventLog.dir": "s3://bucket/projects/p-1/20261126T010000Z/r-1/eventlog/" } },
            { "Classification": "yarn-site", "Properties": { "yarn.x": "1" } } ],
          "Tags": [ { "Key": "team", "Value": "data" }, { "Key": "sync:project-id", "Value": "p-1" }, { "Key": "sync:run-id", "Value": "r-1" } ]
        }
        """)!.AsObject();

    [Fact]
    public void The_solution_s_instances_and_spark_settings_replace_the_basis_ones_and_everything_else_is_kept()
    {
        var platform = JsonNode.Parse("""
            { "Name": "ignored", "Instances": { "InstanceGroups": [ { "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1 },
                                                                 { "InstanceRole": "CORE", "InstanceType": "m5.2xlarge", "InstanceCount": 6 } ] },
              "Configurations": [ { "Classification": "spark-defaults", "Properties": { "spark.executor.memory": "12g", "spark.executor.cores": "4" } } ] }
            """)!.AsObject();

        var spec = PredictionSpec.Apply(Basis(), platform, ProjectRoot);

        Assert.Equal("etl", (string?)spec["Name"]);
        Assert.Equal("s3://logs/", (string?)spec["LogUri"]);
        Assert.Equal("subnet-1", (string?)spec["Instances"]!["Ec2SubnetId"]);
        Assert.Null(spec["Instances"]!["InstanceFleets"]);
        Assert.Equal(6, (int)spec["Instances"]!["InstanceGroups"]![1]!["InstanceCount"]!);
        var properties = spec["Configurations"]![0]!["Properties"]!.AsObject();
        Assert.Equal(("12g", "4", "true"), ((string?)properties["spark.executor.memory"], (string?)properties["spark.executor.cores"], (string?)properties["spark.eventLog.enabled"]));
        Assert.False(properties.ContainsKey("spark.eventLog.dir"));
        Assert.Equal("1", (string?)spec["Configurations"]![1]!["Properties"]!["yarn.x"]);
        Assert.Equal(["team"], spec["Tags"]!.AsArray().Select(t => (string?)t!["Key"]));
    }

    [Fact]
    public void Without_a_basis_the_solution_is_used_alone_and_a_log_directory_outside_the_project_is_kept()
    {
        var platform = Basis();
        platform["Configurations"]![0]!["Properties"]!["spark.eventLog.dir"] = "s3://elsewhere/logs/";

        var spec = PredictionSpec.Apply(null, platform, ProjectRoot);

        Assert.Equal("s3://elsewhere/logs/", (string?)spec["Configurations"]![0]!["Properties"]!["spark.eventLog.dir"]);
        Assert.Equal(["team"], spec["Tags"]!.AsArray().Select(t => (string?)t!["Key"]));
        Assert.Equal(3, platform["Tags"]!.AsArray().Count);
    }
}
