using System.Text.Json.Nodes;
using Sync.Api;
using Sync.AwsDatabricks.ClusterSpecs;

namespace Sync.AwsDatabricks.Tests;

public sealed class ClusterSpecPreparationTests
{
    private static readonly ClusterLogDestination Project = ClusterLogDestination.Dbfs("dbfs:/sync/projects/p-1/logs");

    [Fact]
    public void A_job_cluster_spec_from_the_databricks_cli_gets_tags_and_log_delivery_and_keeps_the_rest()
    {
        var spec = TestData.ClusterSpec("databricks-databricks-cli", "sample-aws-stack-jobs.json")["resources"]![0]!["properties"]!["new_cluster"]!.AsObject();
        var before = spec.ToJsonString();

        var prepared = ClusterSpecPreparation.Prepare(spec, "p-1", "r-7", Project);

        Assert.True(prepared.IsSuccess, prepared.ToString());
        Assert.Empty(prepared.Warnings);
        var result = prepared.Value.Spec;
        Assert.Equal(before, spec.ToJsonString()); // input untouched
        Assert.Equal("p-1", result["custom_tags"]!["sync:project-id"]!.GetValue<string>());
        Assert.Equal("r-7", result["custom_tags"]!["sync:run-id"]!.GetValue<string>());
        Assert.Equal("dbfs:/sync/projects/p-1/logs", result["cluster_log_conf"]!["dbfs"]!["destination"]!.GetValue<string>());
        Assert.False(prepared.Value.KeptUserLogDestination);
        Assert.Equal(Project, prepared.Value.LogDestination);

        result.Remove("custom_tags");
        result.Remove("cluster_log_conf");
        Assert.True(JsonNode.DeepEquals(spec, result), "every other member is copied as is");
    }

    [Fact]
    public void A_spec_with_its_own_log_destination_keeps_it_and_says_where_logs_go()
    {
        var spec = TestData.ClusterSpec("spark-rapids-tools", "databricks", "aws-cpu-00.json");

        var prepared = ClusterSpecPreparation.Prepare(spec, "p-1", "r-7", Project);

        Assert.True(prepared.IsSuccess, prepared.ToString());
        Assert.True(prepared.Value.KeptUserLogDestination);
        Assert.Equal("dbfs:/user/scratch/cluster-logs", prepared.Value.LogDestination.Uri);
        Assert.Equal("dbfs:/user/scratch/cluster-logs", prepared.Value.Spec["cluster_log_conf"]!["dbfs"]!["destination"]!.GetValue<string>());
        var warning = Assert.Single(prepared.Warnings);
        Assert.Equal("own-log-destination", warning.Code);
        Assert.Contains("dbfs:/user/scratch/cluster-logs", warning.Message, StringComparison.Ordinal);
        Assert.Equal("{{secrets/user-s3/secret_access_key}}", prepared.Value.Spec["spark_conf"]!["spark.hadoop.fs.s3a.secret.key"]!.GetValue<string>());
    }

    [Fact]
    public void User_tags_are_kept_and_stale_sync_tags_are_replaced_with_a_warning()
    {
        var spec = TestData.ClusterSpec("synccomputingcode-syncsparkpy", "aws_recommendation.json")["result"]![0]!["recommendation"]!["configuration"]!.AsObject();

        var prepared = ClusterSpecPreparation.Prepare(spec, "p-new", "r-new", ClusterLogDestination.S3("s3://logs-bucket/sync/p-new", "us-east-1"));

        Assert.True(prepared.IsSuccess, prepared.ToString());
        var tags = prepared.Value.Spec["custom_tags"]!.AsObject();
        Assert.Equal("p-new", tags["sync:project-id"]!.GetValue<string>());
        Assert.Equal("r-new", tags["sync:run-id"]!.GetValue<string>());
        Assert.Equal("352176a7-b605-4cc2-b3b2-ee591715b6b4", tags["sync:tenant-id"]!.GetValue<string>());
        Assert.Equal(["tag-replaced", "tag-replaced"], prepared.Warnings.Select(w => w.Code));
        Assert.Equal("us-east-1", prepared.Value.Spec["cluster_log_conf"]!["s3"]!["region"]!.GetValue<string>());
        Assert.Equal("s3://logs-bucket/sync/p-new", prepared.Value.Spec["cluster_log_conf"]!["s3"]!["destination"]!.GetValue<string>());
    }

    [Fact]
    public void A_clusters_get_answer_validates_as_a_spec()
    {
        Assert.Empty(ClusterSpecPreparation.Validate(TestData.ClusterSpec("synccomputingcode-syncsparkpy", "aws_cluster.json")));
        Assert.Empty(ClusterSpecPreparation.Validate(TestData.ClusterSpec("spark-rapids-tools", "databricks", "aws-cpu-00.json")));
    }

    [Theory]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": -1}""", "num_workers", "num_workers must be ≥ 0 (got -1)")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "num_workers": 2}""", "node_type_id", "node_type_id is required unless instance_pool_id is set")]
    [InlineData("""{"node_type_id": "m5.xlarge", "num_workers": 2}""", "spark_version", "spark_version is required")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge"}""", "num_workers", "num_workers or autoscale is required")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": "four"}""", "num_workers", "num_workers must be an integer")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "autoscale": {"min_workers": 8, "max_workers": 2}}""", "autoscale.max_workers", "autoscale.max_workers (2) must be ≥ autoscale.min_workers (8)")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": 2, "spark_conf": {"spark.executor.cores": 4}}""", "spark_conf.spark.executor.cores", "must be a string")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": 2, "aws_attributes": {"availability": "CHEAP"}}""", "aws_attributes.availability", "must be one of SPOT, ON_DEMAND, SPOT_WITH_FALLBACK")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": 2, "cluster_log_conf": {"dbfs": {}}}""", "cluster_log_conf.dbfs.destination", "must be a non-empty string")]
    [InlineData("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": 2, "runtime_engine": "TURBO"}""", "runtime_engine", "must be one of STANDARD, PHOTON")]
    [InlineData("""{"new_cluster": {"spark_version": "13.3.x-scala2.12"}, "notebook_task": {}}""", "new_cluster", "pass the new_cluster object itself")]
    public void A_broken_spec_is_an_invalid_input_error_naming_the_field(string json, string field, string message)
    {
        var spec = JsonNode.Parse(json)!.AsObject();
        var problem = Assert.Single(ClusterSpecPreparation.Validate(spec));
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);

        var prepared = ClusterSpecPreparation.Prepare(spec, "p", "r", Project);
        Assert.Equal(SyncErrorKind.InvalidInput, prepared.Error!.Kind);
        Assert.Equal("invalid-cluster-spec", prepared.Error.Code);
        Assert.Contains(message, prepared.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var prepared = ClusterSpecPreparation.Prepare("""{"num_workers": -3, "custom_tags": []}""", "p", "r", Project);

        Assert.Equal(SyncErrorKind.InvalidInput, prepared.Error!.Kind);
        Assert.Contains("spark_version is required", prepared.Error.Message, StringComparison.Ordinal);
        Assert.Contains("node_type_id is required", prepared.Error.Message, StringComparison.Ordinal);
        Assert.Contains("num_workers must be ≥ 0 (got -3)", prepared.Error.Message, StringComparison.Ordinal);
        Assert.Contains("custom_tags must be an object", prepared.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_points_at_the_line()
    {
        var prepared = ClusterSpecPreparation.Prepare("{\n  \"spark_version\": \"13.3\",\n  \"num_workers\": ,\n}", "p", "r", Project);

        Assert.Equal(SyncErrorKind.InvalidInput, prepared.Error!.Kind);
        Assert.Contains("line 3", prepared.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Destinations_must_be_dbfs_or_s3_with_a_region()
    {
        var spec = JsonNode.Parse("""{"spark_version": "13.3.x-scala2.12", "node_type_id": "m5.xlarge", "num_workers": 1}""")!.AsObject();

        Assert.Contains("needs its region", ClusterSpecPreparation.Prepare(spec, "p", "r", new ClusterLogDestination("s3://b/p")).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("must start with dbfs:/ or s3://", ClusterSpecPreparation.Prepare(spec, "p", "r", new ClusterLogDestination("/tmp/x")).Error!.Message, StringComparison.Ordinal);
        Assert.Equal("dbfs:/a/b", ClusterLogDestination.Dbfs("/a/b").Uri);
    }
}
