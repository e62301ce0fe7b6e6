using System.Net;
using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.Clients.Aws.Emr.Model;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Loop;

/// <summary>
/// How the loop fails, against moto: what moto cannot produce (a cluster that terminated with errors, a failed step,
/// throttling, 5xx) is injected by handlers in front of moto that rewrite or replace its real answers.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class LoopErrorTests(MotoServer moto)
{
    [Fact]
    public async Task A_cluster_that_terminated_with_errors_is_recorded_as_failed_with_its_reason_and_no_prediction()
    {
        using var failing = new RewritingHandler().Rewrite("DescribeCluster", answer =>
        {
            var status = answer["Cluster"]!["Status"]!.AsObject();
            if ((string?)status["State"] == ClusterState.Terminated)
            {
                status["State"] = ClusterState.TerminatedWithErrors;
                status["StateChangeReason"] = new JsonObject { ["Code"] = "BOOTSTRAP_FAILURE", ["Message"] = "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return code" };
            }
        });
        await using var loop = await LoopFixture.CreateAsync(moto, failing);
        var run = (await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id)).Value;
        await loop.TerminateAsync(run.ClusterId);

        var ended = await loop.Client.WaitForClusterAsync(run.ClusterId);
        Assert.True(ended.IsSuccess, ended.ToString());
        Assert.True(ended.Value.IsFailed);
        Assert.Equal("BOOTSTRAP_FAILURE", ended.Value.ReasonCode);

        var recorded = await loop.Client.RecordRunAsync(run.ClusterId);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(RunStatus.Failed, recorded.Value.Run.Status);
        Assert.Equal(run.RunId, recorded.Value.Run.Id);
        Assert.Contains("BOOTSTRAP_FAILURE", recorded.Value.Run.StatusMessage);
        Assert.Contains("bootstrap action 1 returned a non-zero return code", recorded.Value.Run.StatusMessage);
        Assert.Null(recorded.Value.PredictionId);
        Assert.Null(recorded.Value.Run.EventLogLocation);
        Assert.Contains(recorded.Warnings, w => w.Code == "cluster-failed");

        // A failed run is never a prediction's basis.
        var prediction = await loop.Client.CreateProjectPredictionAsync(loop.Project.Id);
        Assert.Equal((SyncErrorKind.NotFound, "run-not-found"), (prediction.Error!.Kind, prediction.Error.Code));
    }

    [Fact]
    public async Task A_failed_step_makes_a_failed_run_with_the_step_s_reason()
    {
        using var failedStep = new RewritingHandler().Rewrite("ListSteps", answer =>
        {
            foreach (var step in answer["Steps"]!.AsArray())
            {
                step!["Status"] = new JsonObject { ["State"] = StepState.Failed, ["FailureDetails"] = new JsonObject { ["Reason"] = "Container killed: exit code 137" } };
            }
        });
        await using var loop = await LoopFixture.CreateAsync(moto, failedStep);
        var run = (await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id)).Value;
        await loop.WriteEventLogAsync(run.EventLogDirectory!);
        await loop.TerminateAsync(run.ClusterId);

        var recorded = await loop.Client.RecordRunAsync(run.ClusterId);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(RunStatus.Failed, recorded.Value.Run.Status);
        Assert.Contains("Step join", recorded.Value.Run.StatusMessage);
        Assert.Contains("exit code 137", recorded.Value.Run.StatusMessage);
        Assert.Null(recorded.Value.PredictionId);
        Assert.NotNull(recorded.Value.Run.EventLogLocation);
    }

    [Fact]
    public async Task Throttling_and_5xx_answers_are_retried_through_the_whole_loop()
    {
        using var faults = new FaultInjectingHandler()
            .On("RunJobFlow", Fault.Throttling)
            .On("DescribeCluster", Fault.Throttling, Fault.InternalError)
            .On("ListSteps", Fault.TooManyRequests)
            .On("ListInstanceGroups", Fault.Unavailable);
        await using var loop = await LoopFixture.CreateAsync(moto, faults);

        var run = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id);
        Assert.True(run.IsSuccess, run.ToString());
        await loop.WriteEventLogAsync(run.Value.EventLogDirectory!);
        await loop.TerminateAsync(run.Value.ClusterId);
        var ended = await loop.Client.WaitForClusterAsync(run.Value.ClusterId);
        var recorded = await loop.Client.RecordRunAsync(run.Value.ClusterId);

        Assert.True(ended.IsSuccess, ended.ToString());
        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(RunStatus.Succeeded, recorded.Value.Run.Status);
        Assert.Equal(2, faults.Count("RunJobFlow"));
        Assert.True(faults.Count("DescribeCluster") >= 4, $"DescribeCluster was sent {faults.Count("DescribeCluster")} times");
        Assert.Equal(2, faults.Count("ListInstanceGroups"));
        Assert.Equal(2, faults.Count("ListSteps"));
    }

    [Fact]
    public async Task A_permanent_error_is_not_retried_and_says_what_failed_without_secrets()
    {
        using var faults = new FaultInjectingHandler()
            .On("RunJobFlow", new Fault(FaultKind.Error, HttpStatusCode.BadRequest, "ValidationException"))
            .On("DescribeCluster", Fault.InternalError, Fault.InternalError, Fault.InternalError);
        await using var loop = await LoopFixture.CreateAsync(moto, faults);

        var started = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id);
        var waited = await loop.Client.WaitForClusterAsync("j-ANY");

        Assert.Equal((SyncErrorKind.InvalidInput, "ValidationException"), (started.Error!.Kind, started.Error.Code));
        Assert.Contains("RunJobFlow", started.Error.Message);
        Assert.Contains("injected ValidationException", started.Error.Message);
        Assert.Equal(1, faults.Count("RunJobFlow"));
        Assert.Equal((SyncErrorKind.Service, "InternalServerError"), (waited.Error!.Kind, waited.Error.Code));
        Assert.Contains("waiting for cluster j-ANY", waited.Error.Message);
        Assert.Contains("3 attempts", waited.Error.Message);
        var secret = MotoServer.Credentials.GetCredentials();
        foreach (var text in new[] { started.Error.ToString(), waited.Error.ToString() })
        {
            Assert.DoesNotContain(secret.SecretKey, text);
            Assert.DoesNotContain(secret.Token, text);
        }
    }

    [Fact]
    public async Task An_unknown_cluster_is_not_found_when_waiting_and_recording()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);

        var waited = await loop.Client.WaitForClusterAsync("j-NOSUCHCLUSTER");
        var recorded = await loop.Client.RecordRunAsync("j-NOSUCHCLUSTER", loop.Project.Id);

        Assert.Equal(SyncErrorKind.NotFound, waited.Error!.Kind);
        Assert.Equal(SyncErrorKind.NotFound, recorded.Error!.Kind);
        Assert.Contains("j-NOSUCHCLUSTER", recorded.Error.Message);
    }

    [Fact]
    public async Task A_cluster_still_running_is_not_recorded_and_a_wait_can_time_out_or_be_cancelled()
    {
        await using var loop = await LoopFixture.CreateAsync(moto, configure: o => o.ClusterWaitTimeout = TimeSpan.FromMilliseconds(400));
        var run = (await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id)).Value;

        var recorded = await loop.Client.RecordRunAsync(run.ClusterId);
        var timedOut = await loop.Client.WaitForClusterAsync(run.ClusterId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
        var cancelled = await loop.Client.WaitForClusterAsync(run.ClusterId, null, cancel.Token);

        Assert.Equal((SyncErrorKind.NotReady, "cluster-not-terminated"), (recorded.Error!.Kind, recorded.Error.Code));
        Assert.Contains("still", recorded.Error.Message);
        Assert.Equal(SyncErrorKind.Timeout, timedOut.Error!.Kind);
        Assert.Equal(SyncErrorKind.Cancelled, cancelled.Error!.Kind);
        Assert.Empty((await loop.Sync.Runs.ListAsync(loop.Project.Id)).Value);
    }

    [Fact]
    public async Task No_event_log_is_a_clear_error_that_says_where_it_looked()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);
        var run = (await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id)).Value;
        await loop.TerminateAsync(run.ClusterId);

        var recorded = await loop.Client.RecordRunAsync(run.ClusterId);

        Assert.Equal((SyncErrorKind.NotFound, "event-log-not-found"), (recorded.Error!.Kind, recorded.Error.Code));
        Assert.Contains("No event log found", recorded.Error.Message);
        Assert.Contains(run.EventLogDirectory!, recorded.Error.Message);

        // A cluster started without a project, and without spark.eventLog.dir: nowhere to look.
        var bare = (await loop.Client.RunJobFlowAsync("""{ "Name": "bare", "ReleaseLabel": "emr-6.10.0", "Instances": { "MasterInstanceType": "m5.xlarge", "SlaveInstanceType": "m5.xlarge", "InstanceCount": 3 } }""")).Value;
        Assert.Null(bare.RunId);
        await loop.TerminateAsync(bare.ClusterId);
        var untagged = await loop.Client.RecordRunAsync(bare.ClusterId);
        var withProject = await loop.Client.RecordRunAsync(bare.ClusterId, loop.Project.Id);

        Assert.Equal((SyncErrorKind.InvalidInput, "project-id-missing"), (untagged.Error!.Kind, untagged.Error.Code));
        Assert.Equal(SyncErrorKind.NotFound, withProject.Error!.Kind);
        Assert.Contains("spark.eventLog.dir (not set", withProject.Error.Message);
    }

    [Fact]
    public async Task Bad_specs_and_projects_are_invalid_input_that_names_the_problem()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);
        var noLocation = (await loop.Sync.Projects.CreateAsync(new ProjectCreateOptions("no-location") { ProductCode = "aws-emr" })).Value;
        var local = (await loop.Sync.Projects.CreateAsync(new ProjectCreateOptions("local") { ProductCode = "aws-emr", ArtifactLocation = loop.Home.FullName })).Value;

        var malformed = await loop.Client.RunJobFlowAsync("{ \"Name\": \"x\",\n  \"Instances\": ", loop.Project.Id);
        var badMember = await loop.Client.RunJobFlowAsync(LoopFixture.Spec.Replace("\"InstanceCount\": 4", "\"InstanceCount\": -4", StringComparison.Ordinal), loop.Project.Id);
        var missingLocation = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, noLocation.Id);
        var notS3 = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, local.Id);
        var unknownProject = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, "00000000-0000-0000-0000-000000000000");
        using var withoutSync = new EmrClient(new EmrClientOptions { Region = MotoClients.Region, Credentials = MotoServer.Credentials, ServiceUrl = moto.Url });
        var noSync = await withoutSync.RecordRunAsync("j-ANY");

        Assert.Equal(SyncErrorKind.InvalidInput, malformed.Error!.Kind);
        Assert.Contains("line 2", malformed.Error.Message);
        Assert.Equal(SyncErrorKind.InvalidInput, badMember.Error!.Kind);
        Assert.Contains("Instances.InstanceGroups[1].InstanceCount", badMember.Error.Message);
        Assert.Equal((SyncErrorKind.InvalidInput, "project-location-missing"), (missingLocation.Error!.Kind, missingLocation.Error.Code));
        Assert.Equal((SyncErrorKind.InvalidInput, "project-location-not-s3"), (notS3.Error!.Kind, notS3.Error.Code));
        Assert.Equal(SyncErrorKind.NotFound, unknownProject.Error!.Kind);
        Assert.Equal((SyncErrorKind.InvalidInput, "sync-client-missing"), (noSync.Error!.Kind, noSync.Error.Code));
    }

    [Fact]
    public async Task Running_a_prediction_that_is_unknown_or_without_a_project_is_a_clear_error()
    {
        await using var loop = await LoopFixture.CreateAsync(moto);

        var unknown = await loop.Client.RunPredictionAsync("00000000-0000-0000-0000-000000000000");
        var noPrediction = await loop.Client.RunProjectPredictionAsync(loop.Project.Id);

        Assert.Equal(SyncErrorKind.NotFound, unknown.Error!.Kind);
        Assert.Equal(SyncErrorKind.NotFound, noPrediction.Error!.Kind);
        Assert.Contains($"Project {loop.Project.Id} has no successful run", noPrediction.Error.Message);
    }
}
