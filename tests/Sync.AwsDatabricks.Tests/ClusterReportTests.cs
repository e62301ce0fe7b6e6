using Sync.Api;
using Sync.Engine.Clusters;

namespace Sync.AwsDatabricks.Tests;

public sealed class ClusterReportTests
{
    [Fact]
    public async Task A_fixed_size_run_gives_driver_and_spot_workers_with_ebs_region_and_run_timeline()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        var created = ws.Emulator.Clock.Now;
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));

        var response = await ws.Client.GetClusterReportAsync(runId);

        Assert.True(response.IsSuccess, response.ToString());
        var report = response.Value;
        Assert.Equal("aws-databricks", report.Platform);
        Assert.Equal("us-west-2", report.Region);
        Assert.Equal("9.1.x-scala2.12", report.RuntimeVersion);
        Assert.False(report.Photon);
        Assert.Equal("64", report.SparkConf!["spark.sql.shuffle.partitions"]);
        var ebs = new EbsVolume("gp2", 100, 1);
        Assert.Equal(2, report.Nodes.Count);
        Assert.Equal(("driver", "m5.xlarge", 1, "on-demand"), (report.Nodes[0].Role, report.Nodes[0].InstanceType, report.Nodes[0].Count, report.Nodes[0].Market));
        Assert.Equal(("worker", "m5.4xlarge", 4, "spot"), (report.Nodes[1].Role, report.Nodes[1].InstanceType, report.Nodes[1].Count, report.Nodes[1].Market));
        Assert.All(report.Nodes, n => Assert.Equal(ebs, Assert.Single(n.Ebs!)));
        Assert.Equal(created, report.Timeline.Requested);
        Assert.Equal(created.AddMinutes(4), report.Timeline.Ready);
        Assert.Equal(created.AddMinutes(4), report.Timeline.FirstTask);
        Assert.Equal(created.AddMinutes(15), report.Timeline.Terminated);
        Assert.Equal(["spot-fallback"], response.Warnings.Select(w => w.Code));

        var reparsed = ClusterReport.Parse(report.ToJson(), "report");
        Assert.Equal(report.Nodes.Count, reparsed.Nodes.Count);
    }

    [Fact]
    public async Task An_autoscaling_cluster_counts_its_peak_and_says_how_it_scaled()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var runId = await ws.SubmitAsync(DatabricksWorkspace.AutoscalingSpec());
        var clusterId = await ws.ClusterOfAsync(runId);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));

        var response = await ws.Client.GetClusterReportAsync(clusterId);

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal(6, response.Value.Nodes.Where(n => n.Role == "worker").Sum(n => n.Count));
        Assert.Null(response.Value.Timeline.FirstTask); // no run given: the first task is not known
        var scaling = Assert.Single(response.Warnings, w => w.Code == "autoscaling");
        // 2 workers from ready (4 min) to the upsize (8 min), then 6 until termination (15 min): (2*4 + 6*7) / 11 = 4.5.
        Assert.Contains("between 2 and 6 workers (2 resize event(s)); it peaked at 6 and averaged 4.5", scaling.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_nodes_and_on_demand_clusters_are_reported()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        ws.Emulator.Faults.LoseNodeDuringRuns = true;
        var spec = DatabricksWorkspace.FixedSpec();
        spec["aws_attributes"]!["availability"] = "ON_DEMAND";
        spec["aws_attributes"]!.AsObject().Remove("zone_id");
        var runId = await ws.SubmitAsync(spec);
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));

        var response = await ws.Client.GetClusterReportAsync(runId);

        Assert.True(response.IsSuccess, response.ToString());
        var workers = Assert.Single(response.Value.Nodes, n => n.Role == "worker");
        Assert.Equal(("on-demand", 4), (workers.Market, workers.Count));
        Assert.Equal("us-east-1", response.Value.Region); // emulator zone us-east-1c
        var lost = Assert.Single(response.Warnings, w => w.Code == "nodes-lost");
        Assert.Contains("1 worker node(s) were lost", lost.Message, StringComparison.Ordinal);
        Assert.Contains("SPOT_INSTANCE_TERMINATION", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_still_going_is_not_ready()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();
        var runId = await ws.SubmitAsync();
        ws.Emulator.Clock.Advance(TimeSpan.FromMinutes(5));

        var byRun = await ws.Client.GetClusterReportAsync(runId);
        var byCluster = await ws.Client.GetClusterReportAsync(await ws.ClusterOfAsync(runId));

        Assert.Equal(SyncErrorKind.NotReady, byRun.Error!.Kind);
        Assert.Contains("RUNNING", byRun.Error.Message, StringComparison.Ordinal);
        Assert.Equal(SyncErrorKind.NotReady, byCluster.Error!.Kind);
    }

    [Fact]
    public async Task Unknown_runs_and_clusters_are_not_found()
    {
        await using var ws = await DatabricksWorkspace.StartAsync();

        var run = await ws.Client.GetClusterReportAsync(4242L);
        var cluster = await ws.Client.GetClusterReportAsync("0101-000000-unknown1");

        Assert.Equal(SyncErrorKind.NotFound, run.Error!.Kind);
        Assert.Contains("Run 4242 does not exist", run.Error.Message, StringComparison.Ordinal);
        Assert.Equal(SyncErrorKind.NotFound, cluster.Error!.Kind);
        Assert.Equal("INVALID_PARAMETER_VALUE", cluster.Error.Code);
    }
}
