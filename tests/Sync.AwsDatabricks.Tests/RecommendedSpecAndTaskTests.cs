using System.Text.Json.Nodes;
using Sync.Api;
using Sync.AwsDatabricks.ClusterSpecs;
using Sync.AwsDatabricks.Runs;

namespace Sync.AwsDatabricks.Tests;

public sealed class RecommendedSpecAndTaskTests
{
    [Fact]
    public void Apply_puts_type_size_driver_and_conf_onto_the_basis_and_drops_Sync_tags_only()
    {
        var basis = DatabricksWorkspace.AutoscalingSpec();
        basis["custom_tags"] = new JsonObject { ["team"] = "data-eng", ["sync:run-id"] = "old", ["sync:project-id"] = "p" };
        const string recommended = """
            {"node_type_id": "r5.2xlarge", "driver_node_type_id": "m5.2xlarge", "num_workers": 7,
             "spark_conf": {"spark.executor.cores": "4"}, "custom_tags": {"ignored": "x"}}
            """;

        var applied = RecommendedClusterSpec.Apply(basis, recommended);

        Assert.True(applied.IsSuccess, applied.ToString());
        var spec = applied.Value;
        Assert.Equal("r5.2xlarge", spec["node_type_id"]!.GetValue<string>());
        Assert.Equal("m5.2xlarge", spec["driver_node_type_id"]!.GetValue<string>());
        Assert.Equal(7, spec["num_workers"]!.GetValue<int>());
        Assert.Null(spec["autoscale"]);
        Assert.Equal("64", spec["spark_conf"]!["spark.sql.shuffle.partitions"]!.GetValue<string>());
        Assert.Equal("4", spec["spark_conf"]!["spark.executor.cores"]!.GetValue<string>());
        Assert.Equal("""{"team":"data-eng"}""", spec["custom_tags"]!.ToJsonString());
        Assert.Equal("dbfs:/cluster-logs", spec["cluster_log_conf"]!["dbfs"]!["destination"]!.GetValue<string>());
        Assert.Equal("old", basis["custom_tags"]!["sync:run-id"]!.GetValue<string>());

        var range = RecommendedClusterSpec.Apply(DatabricksWorkspace.FixedSpec(), """{"node_type_id": "m5.xlarge", "autoscale": {"min_workers": 2, "max_workers": 9}}""");
        Assert.Null(range.Value["num_workers"]);
        Assert.Equal(9, range.Value["autoscale"]!["max_workers"]!.GetValue<int>());

        var emr = RecommendedClusterSpec.Apply(basis, """{"Instances": {"InstanceGroups": []}}""");
        Assert.Equal("not-a-cluster-spec", emr.Error!.Code);
    }

    [Fact]
    public void UserSpec_removes_the_log_delivery_Sync_added_but_keeps_the_users_own()
    {
        var submitted = DatabricksWorkspace.FixedSpec();
        submitted["custom_tags"] = new JsonObject { ["sync:run-id"] = "r" };

        Assert.Null(RecommendedClusterSpec.UserSpec(submitted, "dbfs:/cluster-logs/")["cluster_log_conf"]);
        Assert.NotNull(RecommendedClusterSpec.UserSpec(submitted, "dbfs:/sync/p/20261126T000000Z/r")["cluster_log_conf"]);
        Assert.Null(RecommendedClusterSpec.UserSpec(submitted, null)["custom_tags"]);
    }

    [Fact]
    public void Tasks_name_their_kind_and_code_file_and_bad_ones_say_what_is_wrong()
    {
        Assert.Equal("dbfs:/jars/etl.jar", DatabricksTask.SparkJar("com.example.Etl", "dbfs:/jars/etl.jar", "a").CodeFile);
        Assert.Equal("dbfs:/jobs/app.py", DatabricksTask.SparkSubmit("--conf", "spark.x=1", "dbfs:/jobs/app.py", "arg").CodeFile);
        Assert.Equal("/Users/me/etl", DatabricksTask.Notebook("/Users/me/etl", new Dictionary<string, string> { ["date"] = "2026-11-26" }).CodeFile);
        var parsed = DatabricksTask.Parse("""{"spark_python_task": {"python_file": "dbfs:/a.py"}, "timeout_seconds": 3600, "task_key": "x"}""");
        Assert.True(parsed.IsSuccess);
        Assert.Equal("spark_python_task", parsed.Value.Kind);
        Assert.Equal(3600, parsed.Value.ToJson()["timeout_seconds"]!.GetValue<int>());
        Assert.Null(parsed.Value.ToJson()["task_key"]);

        Assert.Contains("a run takes exactly one", DatabricksTask.Parse("""{"spark_python_task": {"python_file": "a"}, "notebook_task": {"notebook_path": "b"}}""").Error!.Message, StringComparison.Ordinal);
        Assert.Contains("leave new_cluster out", DatabricksTask.Parse("""{"spark_python_task": {"python_file": "a"}, "new_cluster": {}}""").Error!.Message, StringComparison.Ordinal);
        Assert.Equal(SyncErrorKind.InvalidInput, DatabricksTask.Parse("[1]").Error!.Kind);
        Assert.Contains("line 1", DatabricksTask.Parse("{\"spark_python_task\": ").Error!.Message, StringComparison.Ordinal);
    }
}
