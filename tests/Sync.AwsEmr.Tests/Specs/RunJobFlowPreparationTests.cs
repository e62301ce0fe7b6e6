using System.Text.Json.Nodes;
using Sync.Api;
using Sync.AwsEmr.Specs;
using Sync.Clients.Aws.S3;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Specs;

/// <summary><see cref="RunJobFlowPreparation"/> on real RunJobFlow specs (../shared/data/cluster-specs) and on broken ones.</summary>
public sealed class RunJobFlowPreparationTests
{
    private static readonly S3Location Run = S3Location.Parse("s3://sync-bucket/projects/p-1/20261126T010000Z/r-1");
    private static readonly string Docs = Path.Combine(RepoPaths.SharedData, "cluster-specs", "awsdocs-amazon-emr-management-guide");

    [Fact]
    public void A_real_spec_gets_the_tags_and_event_logging_and_keeps_everything_else()
    {
        var original = Load("emr-plan-ha-placementgroup__RunJobFlow-request.json");
        var before = original.ToJsonString();

        var prepared = Prepare(original);

        Assert.Empty(prepared.Warnings);
        var spec = prepared.Value.Spec;
        Assert.Equal(before, original.ToJsonString());
        Assert.Equal(
            [("sync:project-id", "p-1"), ("sync:run-id", "r-1")],
            spec["Tags"]!.AsArray().Select(t => ((string)t!["Key"]!, (string)t["Value"]!)));
        var defaults = Assert.Single(spec["Configurations"]!.AsArray());
        Assert.Equal("spark-defaults", (string)defaults!["Classification"]!);
        Assert.Equal("true", (string)defaults["Properties"]!["spark.eventLog.enabled"]!);
        Assert.Equal("s3://sync-bucket/projects/p-1/20261126T010000Z/r-1/eventlog/", (string)defaults["Properties"]!["spark.eventLog.dir"]!);
        Assert.Equal(Run.Combine("eventlog/"), prepared.Value.EventLogDirectory);

        spec.Remove("Tags");
        spec.Remove("Configurations");
        Assert.True(JsonNode.DeepEquals(original, spec), "every other member is untouched, lower-case ones included");
    }

    [Fact]
    public void Existing_tags_and_spark_defaults_are_merged_not_clobbered()
    {
        var spec = Minimal();
        spec["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "data" });
        spec["Configurations"] = new JsonArray(
            new JsonObject { ["Classification"] = "spark-env", ["Configurations"] = new JsonArray() },
            new JsonObject { ["Classification"] = "spark-defaults", ["Properties"] = new JsonObject { ["spark.executor.memory"] = "8g", ["spark.sql.shuffle.partitions"] = "400" } });

        var prepared = Prepare(spec).Value.Spec;

        Assert.Equal(["team", "sync:project-id", "sync:run-id"], prepared["Tags"]!.AsArray().Select(t => (string)t!["Key"]!));
        Assert.Equal(2, prepared["Configurations"]!.AsArray().Count);
        var properties = prepared["Configurations"]![1]!["Properties"]!.AsObject();
        Assert.Equal(["spark.executor.memory", "spark.sql.shuffle.partitions", "spark.eventLog.enabled", "spark.eventLog.dir"], properties.Select(p => p.Key));
        Assert.Equal("8g", (string)properties["spark.executor.memory"]!);
    }

    [Fact]
    public void A_user_s3_event_log_dir_is_kept_and_becomes_the_run_s_log_directory()
    {
        var spec = WithSparkDefaults(new JsonObject { ["spark.eventLog.dir"] = "s3a://team-logs/spark" });

        var prepared = Prepare(spec);

        Assert.Equal("s3a://team-logs/spark", (string)prepared.Value.Spec["Configurations"]![0]!["Properties"]!["spark.eventLog.dir"]!);
        Assert.Equal(new S3Location("team-logs", "spark/"), prepared.Value.EventLogDirectory);
        Assert.Equal("event-log-dir-kept", Assert.Single(prepared.Warnings).Code);
    }

    [Fact]
    public void A_user_hdfs_event_log_dir_is_replaced_because_it_dies_with_the_cluster()
    {
        var spec = WithSparkDefaults(new JsonObject { ["spark.eventLog.dir"] = "hdfs:///var/log/spark/apps" });

        var prepared = Prepare(spec);

        Assert.Equal(Run.Combine("eventlog/").ToString(), (string)prepared.Value.Spec["Configurations"]![0]!["Properties"]!["spark.eventLog.dir"]!);
        var warning = Assert.Single(prepared.Warnings);
        Assert.Equal("event-log-dir-replaced", warning.Code);
        Assert.Contains("hdfs:///var/log/spark/apps", warning.Message);
    }

    [Fact]
    public void Event_logging_switched_off_by_the_user_is_switched_on_with_a_warning()
    {
        var prepared = Prepare(WithSparkDefaults(new JsonObject { ["spark.eventLog.enabled"] = "false" }));

        Assert.Equal("true", (string)prepared.Value.Spec["Configurations"]![0]!["Properties"]!["spark.eventLog.enabled"]!);
        Assert.Equal("event-log-enabled", Assert.Single(prepared.Warnings).Code);
    }

    [Fact]
    public void Sync_tags_from_an_earlier_run_are_replaced_not_duplicated()
    {
        var spec = Minimal();
        spec["Tags"] = new JsonArray(new JsonObject { ["Key"] = "sync:run-id", ["Value"] = "r-0" }, new JsonObject { ["Key"] = "sync:project-id", ["Value"] = "p-1" });

        var prepared = Prepare(spec);

        Assert.Equal([("sync:project-id", "p-1"), ("sync:run-id", "r-1")],
            prepared.Value.Spec["Tags"]!.AsArray().Select(t => ((string)t!["Key"]!, (string)t["Value"]!)).Order());
        Assert.Equal("tag-replaced", Assert.Single(prepared.Warnings).Code);
    }

    [Fact]
    public void The_documented_instance_fleet_config_is_a_valid_spec()
    {
        var spec = new JsonObject
        {
            ["Name"] = "fleets",
            ["ReleaseLabel"] = "emr-6.15.0",
            ["Instances"] = new JsonObject { ["InstanceFleets"] = JsonNode.Parse(File.ReadAllText(Path.Combine(Docs, "emr-instance-fleet__instance-fleets-config.json"))) },
        };

        Assert.Empty(RunJobFlowPreparation.Validate(spec));
        Assert.True(Prepare(spec).IsSuccess);
    }

    [Fact]
    public void A_cloudtrail_record_s_lower_case_parameters_are_rejected_with_the_expected_spelling()
    {
        var record = Load("logging_emr_api_calls__cloudtrail-RunJobFlow-record.json");
        var parameters = record["Records"]![0]!["requestParameters"]!.AsObject();

        var problems = RunJobFlowPreparation.Validate(parameters).Select(p => p.Message).ToList();

        Assert.Contains("Name is required (found 'name': member names are case-sensitive)", problems);
        Assert.Contains("Instances is required (found 'instances': member names are case-sensitive)", problems);
    }

    [Theory]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceType":"m5.xlarge","InstanceCount":1},{"InstanceRole":"CORE","InstanceType":"m5.xlarge","InstanceCount":0}]}}""",
        "Instances.InstanceGroups[1].InstanceCount must be a positive integer")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceType":"m5.xlarge","InstanceCount":1},{"InstanceRole":"CORE","InstanceType":"m5.xlarge","InstanceCount":"3"}]}}""",
        "Instances.InstanceGroups[1].InstanceCount must be a positive integer")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceType":"m5.xlarge","InstanceCount":1},{"InstanceRole":"WORKER","InstanceType":"m5.xlarge","InstanceCount":2}]}}""",
        "Instances.InstanceGroups[1].InstanceRole must be one of MASTER, CORE, TASK (found \"WORKER\")")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceType":"m5.xlarge","InstanceCount":1,"Market":"RESERVED"}]}}""",
        "Instances.InstanceGroups[0].Market must be one of ON_DEMAND, SPOT (found \"RESERVED\")")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceCount":1}]}}""",
        "Instances.InstanceGroups[0].InstanceType is required")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[{"InstanceRole":"CORE","InstanceType":"m5.xlarge","InstanceCount":2}]}}""",
        "Instances.InstanceGroups must have exactly one group with InstanceRole MASTER (found 0)")]
    [InlineData("""{"Name":"x","Instances":{"InstanceGroups":[],"InstanceFleets":[]}}""",
        "Instances gives both InstanceGroups and InstanceFleets; EMR takes one of them")]
    [InlineData("""{"Name":"x","Instances":{}}""",
        "Instances must give InstanceGroups, InstanceFleets or MasterInstanceType")]
    [InlineData("""{"Name":"x","Instances":{"InstanceFleets":[{"InstanceFleetType":"MASTER","InstanceTypeConfigs":[{"InstanceType":"m5.xlarge"}]}]}}""",
        "Instances.InstanceFleets[0] must ask for capacity: TargetOnDemandCapacity or TargetSpotCapacity above 0")]
    [InlineData("""{"Name":"x","Instances":{"InstanceFleets":[{"InstanceFleetType":"MASTER","TargetOnDemandCapacity":1,"InstanceTypeConfigs":[]}]}}""",
        "Instances.InstanceFleets[0].InstanceTypeConfigs must be a non-empty array")]
    [InlineData("""{"Name":"x","Instances":{"MasterInstanceType":"m5.xlarge"},"Configurations":[{"Classification":"spark-defaults","Properties":{"spark.executor.cores":4}}]}""",
        "Configurations[0].Properties.spark.executor.cores must be a string (EMR takes every property value as text)")]
    [InlineData("""{"Name":"x","Instances":{"MasterInstanceType":"m5.xlarge"},"Tags":{"team":"data"}}""",
        "Tags must be an array")]
    [InlineData("""{"Name":"x","Instances":{"MasterInstanceType":"m5.xlarge"},"Steps":[{"Name":"s","HadoopJarStep":{"Args":["a"]}}]}""",
        "Steps[0].HadoopJarStep.Jar is required")]
    [InlineData("""{"Name":"","Instances":{"MasterInstanceType":"m5.xlarge"}}""",
        "Name must be a non-empty string")]
    [InlineData("""[1,2]""",
        "The RunJobFlow request must be a JSON object")]
    public void A_broken_spec_is_an_invalid_input_error_naming_the_member(string json, string expected)
    {
        var parsed = JsonNode.Parse(json);

        Assert.Contains(expected, RunJobFlowPreparation.Validate(parsed).Select(p => p.Message));
        if (parsed is JsonObject spec)
        {
            var response = RunJobFlowPreparation.Prepare(spec, "p-1", "r-1", Run);
            Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
            Assert.Contains(expected, response.Error.Message);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var spec = JsonNode.Parse("""{"Instances":{"InstanceGroups":[{"InstanceRole":"MASTER","InstanceType":"","InstanceCount":-1}]},"Tags":[{"Value":"v"}]}""")!.AsObject();

        var problems = RunJobFlowPreparation.Validate(spec).Select(p => p.Path).ToList();

        Assert.Equal(["Name", "Instances.InstanceGroups[0].InstanceType", "Instances.InstanceGroups[0].InstanceCount", "Tags[0].Key"], problems);
    }

    [Theory]
    [InlineData("{\"Name\": \"x\",\n \"Instances\": {", "line 2")]
    [InlineData("\"just text\"", "must be a JSON object")]
    public void Text_that_is_not_a_json_object_is_an_invalid_input_error(string json, string expected)
    {
        var response = RunJobFlowPreparation.Parse(json);

        Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
        Assert.Contains(expected, response.Error.Message);
    }

    private static Response<PreparedRunJobFlow> Prepare(JsonObject spec)
    {
        var response = RunJobFlowPreparation.Prepare(spec, "p-1", "r-1", Run);
        Assert.True(response.IsSuccess, response.ToString());
        return response;
    }

    private static JsonObject Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Docs, file)))!.AsObject();

    private static JsonObject Minimal() => JsonNode.Parse("""{"Name":"x","Instances":{"MasterInstanceType":"m5.xlarge","InstanceCount":1}}""")!.AsObject();

    private static JsonObject WithSparkDefaults(JsonObject properties)
    {
        var spec = Minimal();
        spec["Configurations"] = new JsonArray(new JsonObject { ["Classification"] = "spark-defaults", ["Properties"] = properties });
        return spec;
    }
}
