using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Sync.Api.Models;
using Sync.AwsEmr.Runs;
using Sync.Clients.Aws.Emr.Model;
using Sync.Clients.Aws.S3;
using Sync.Engine.Clusters;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Loop;

/// <summary>
/// The whole loop against moto's EMR and S3 and an embedded Sync backend: run-job-flow with a project, the test plays
/// the cluster (writes a real EMR event log to its spark.eventLog.dir and terminates it), the library's wait returns,
/// record-run stores the report and records the run, the prediction runs, and run-prediction starts a second cluster
/// that carries the recommended instances and the project's tags.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RunAndRecordLoopTests(MotoServer moto)
{
    [Fact]
    public async Task Run_wait_record_predict_and_run_the_prediction()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);
        var client = loop.Client;

        // 1. Start with the project: prepared spec saved beside the run, event-log prefix created, cluster tagged.
        var started = await client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id);
        Assert.True(started.IsSuccess, started.ToString());
        var run = started.Value;
        Assert.StartsWith("j-", run.ClusterId);
        Assert.Equal($"s3://{loop.Bucket}/projects/{loop.Project.Id}/", run.Location!.ProjectLocation + "/" + loop.Project.Id + "/");
        Assert.Equal(run.Location.EventLogDirectory, run.EventLogDirectory);
        using var s3 = MotoClients.S3(moto);
        await using (var saved = await s3.OpenReadAsync(S3Location.Parse(run.Location.File("run-job-flow.json"))))
        {
            var spec = (await JsonNode.ParseAsync(saved))!.AsObject();
            Assert.Equal(run.Spec.ToJsonString(), spec.ToJsonString());
            Assert.Contains(spec["Tags"]!.AsArray(), t => (string?)t!["Key"] == "team");
        }

        Assert.Contains(await s3.ListAsync(S3Location.Parse(run.EventLogDirectory!)), o => o.Location.Key.EndsWith("/eventlog/", StringComparison.Ordinal));

        // 2. The library waits while the test plays the cluster: Spark writes its log, the cluster terminates.
        var states = new ConcurrentQueue<EmrClusterStatus>();
        var waiting = client.WaitForClusterAsync(run.ClusterId, new Recorder(states));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await loop.WriteEventLogAsync(run.EventLogDirectory!);
        await loop.TerminateAsync(run.ClusterId);
        var ended = await waiting;
        Assert.True(ended.IsSuccess, ended.ToString());
        Assert.Equal(ClusterState.Terminated, ended.Value.State);
        Assert.False(ended.Value.IsFailed);
        Assert.True(states.Count >= 2, string.Join(", ", states));
        Assert.Equal(ClusterState.Terminated, states.Last().State);

        // 3. Record the run from the cluster's tags alone.
        var recorded = await client.RecordRunAsync(run.ClusterId, codeHash: "sha256:0a0a");
        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.False(recorded.Value.AlreadyRecorded);
        Assert.Equal(run.RunId, recorded.Value.Run.Id);
        Assert.Equal(RunStatus.Succeeded, recorded.Value.Run.Status);
        Assert.Equal("sha256:0a0a", recorded.Value.Run.CodeHash);
        Assert.Equal(run.Location.ClusterReportLocation, recorded.Value.ClusterReportLocation);
        Assert.Equal(run.EventLogDirectory, recorded.Value.EventLogLocation);
        Assert.StartsWith(loop.Home.FullName, recorded.Value.Run.EventLogLocation);
        Assert.True(File.Exists(recorded.Value.Run.EventLogLocation));
        string storedReport;
        await using (var report = await s3.OpenReadAsync(S3Location.Parse(run.Location.ClusterReportLocation)))
        using (var reader = new StreamReader(report))
        {
            storedReport = await reader.ReadToEndAsync();
        }

        var parsed = ClusterReport.Parse(storedReport, "stored report");
        Assert.Equal([("master", "m5.xlarge", 1), ("core", "m5.xlarge", 4)], parsed.Nodes.Select(n => (n.Role, n.InstanceType, n.Count)));
        Assert.Equal(run.Spec.ToJsonString(), parsed.Spec!.ToJsonString());

        // Recording again changes nothing.
        var again = await client.RecordRunAsync(run.ClusterId, loop.Project.Id);
        Assert.True(again.IsSuccess, again.ToString());
        Assert.True(again.Value.AlreadyRecorded);
        Assert.Contains(again.Warnings, w => w.Code == "already-recorded");
        Assert.Single((await loop.Sync.Runs.ListAsync(loop.Project.Id)).Value);

        // 4. The prediction record-run created.
        var predicted = await loop.Sync.Predictions.WaitForPredictionAsync(recorded.Value.PredictionId!, TimeSpan.FromMinutes(2));
        Assert.True(predicted.IsSuccess, predicted.ToString());
        Assert.Equal(PredictionStatus.Success, predicted.Value.Status);
        Assert.Equal(run.RunId, predicted.Value.RunId);
        var solution = predicted.Value.Recommended!;
        Assert.NotNull(solution.PlatformConfigurationJson);

        // 5. Run the prediction: a second cluster with the recommended workers, the project's tags and a new run folder.
        var next = await client.RunPredictionAsync(predicted.Value.Id, codeHash: "sha256:0b0b");
        Assert.True(next.IsSuccess, next.ToString());
        Assert.Contains(next.Warnings, w => w.Code == "code-hash-changed" && w.Message.Contains("sha256:0a0a", StringComparison.Ordinal));
        Assert.DoesNotContain(next.Warnings, w => w.Code is "tag-replaced" or "event-log-dir-kept" or "basis-spec-missing");
        Assert.NotEqual(run.RunId, next.Value.RunId);
        Assert.NotEqual(run.ClusterId, next.Value.ClusterId);
        using var emr = MotoClients.Emr(moto);
        var cluster = await emr.DescribeClusterAsync(next.Value.ClusterId);
        Assert.Contains(cluster.Tags!, t => t is { Key: "sync:project-id" } && t.Value == loop.Project.Id);
        Assert.Contains(cluster.Tags!, t => t is { Key: "sync:run-id" } && t.Value == next.Value.RunId);
        Assert.Contains(cluster.Tags!, t => t is { Key: "team", Value: "data" });
        Assert.Single(cluster.Tags!, t => t.Key == "sync:run-id");
        var sparkDefaults = cluster.Configurations!.Single(c => c.Classification == "spark-defaults").Properties!;
        Assert.Equal(next.Value.Location!.EventLogDirectory, sparkDefaults["spark.eventLog.dir"]);
        Assert.Equal("4g", sparkDefaults["spark.executor.memory"]);
        var groups = await emr.ListInstanceGroupsAsync(next.Value.ClusterId);
        var core = Assert.Single(groups, g => g.InstanceGroupType == "CORE");
        Assert.Equal(solution.WorkerInstanceType, core.InstanceType);
        Assert.Equal(solution.WorkerNodes, core.RequestedInstanceCount);
        Assert.Equal("m5.xlarge", Assert.Single(groups, g => g.InstanceGroupType == "MASTER").InstanceType);
        Assert.Equal("nightly-join", cluster.Name);
        await using (var saved = await s3.OpenReadAsync(S3Location.Parse(next.Value.Location.File("run-job-flow.json"))))
        {
            Assert.Equal(next.Value.Spec.ToJsonString(), (await JsonNode.ParseAsync(saved))!.ToJsonString());
        }

        // 6. The project's latest prediction starts the same configuration.
        var third = await client.RunProjectPredictionAsync(loop.Project.Id);
        Assert.True(third.IsSuccess, third.ToString());
        var thirdCore = (await emr.ListInstanceGroupsAsync(third.Value.ClusterId)).Single(g => g.InstanceGroupType == "CORE");
        Assert.Equal((core.InstanceType, core.RequestedInstanceCount), (thirdCore.InstanceType, thirdCore.RequestedInstanceCount));
    }

    [Fact]
    public async Task Run_and_record_waits_for_the_cluster_and_records_it()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);
        Task? cluster = null;

        // The cluster's part, once it has started: Spark writes its log where the cluster's configuration says, then it ends.
        var progress = new Recorder(new ConcurrentQueue<EmrClusterStatus>(), status => cluster ??= Task.Run(async () =>
        {
            using var emr = MotoClients.Emr(moto);
            var configured = (await emr.DescribeClusterAsync(status.ClusterId)).Configurations!.Single(c => c.Classification == "spark-defaults");
            await loop.WriteEventLogAsync(configured.Properties!["spark.eventLog.dir"]);
            await loop.TerminateAsync(status.ClusterId);
        }));
        var recorded = await loop.Client.RunAndRecordJobFlowAsync(JsonNode.Parse(LoopFixture.Spec)!.AsObject(), loop.Project.Id, progress);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.NotNull(cluster);
        await cluster;
        Assert.Equal(RunStatus.Succeeded, recorded.Value.Run.Status);
        Assert.NotNull(recorded.Value.PredictionId);
        Assert.Equal(loop.Project.Id, recorded.Value.Run.ProjectId);
    }

    private sealed class Recorder(ConcurrentQueue<EmrClusterStatus> states, Action<EmrClusterStatus>? onReport = null) : IProgress<EmrClusterStatus>
    {
        public void Report(EmrClusterStatus value)
        {
            states.Enqueue(value);
            onReport?.Invoke(value);
        }
    }
}
