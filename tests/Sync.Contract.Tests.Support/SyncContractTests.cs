using Sync.Api;
using Sync.Api.Models;
using Sync.Engine.Recommendations;

namespace Sync.Contract.Tests.Support;

/// <summary>
/// The contract every backend of <see cref="SyncClient"/> keeps. A concrete subclass per backend supplies
/// <see cref="Client"/> and <see cref="OtherTenantClient"/> (a client of another tenant of the same service); the
/// tests create what they use under unique names, so they can share one service.
/// </summary>
public abstract class SyncContractTests
{
    /// <summary>The client under test.</summary>
    protected abstract SyncClient Client { get; }

    /// <summary>A client of another tenant of the same service.</summary>
    protected abstract SyncClient OtherTenantClient { get; }

    /// <summary>How long a prediction of the sample may take.</summary>
    protected virtual TimeSpan PredictionTimeout => TimeSpan.FromMinutes(2);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private static T Ok<T>(Response<T> response) =>
        response.IsSuccess ? response.Value : throw new Xunit.Sdk.XunitException($"Expected success, got {response.Error}");

    private static void Fails(Response response, SyncErrorKind kind)
    {
        Assert.False(response.IsSuccess, $"Expected a {kind} error, got success.");
        Assert.Equal(kind, response.Error!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(response.Error.Message));
    }

    private PredictionCreateOptions SampleOptions(string? projectId = null) => new()
    {
        EventLogPath = ContractSamples.EventLog, ClusterReportPath = ContractSamples.Report, ProjectId = projectId,
    };

    [Fact]
    public async Task Project_is_created_read_updated_listed_and_deleted()
    {
        var appId = Unique("app");
        var created = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("nightly"))
        {
            AppId = appId, ProductCode = "aws-databricks", ArtifactLocation = "s3://bucket/nightly", Preference = Preference.Economy, Sla = TimeSpan.FromHours(1),
        }));
        Assert.Equal(Preference.Economy, created.Preference);
        Assert.Equal(TimeSpan.FromHours(1), created.Sla);

        var read = Ok(await Client.Projects.GetAsync(created.Id));
        Assert.Equal(created.Name, read.Name);
        Assert.Equal("s3://bucket/nightly", read.ArtifactLocation);

        var updated = Ok(await Client.Projects.UpdateAsync(created.Id, new ProjectUpdateOptions { Description = "the nightly ETL", CostCeilingUsd = 12.5 }));
        Assert.Equal("the nightly ETL", updated.Description);
        Assert.Equal(12.5, updated.CostCeilingUsd);
        Assert.Equal(appId, updated.AppId);

        Assert.Equal([created.Id], Ok(await Client.Projects.ListAsync(appId)).Select(p => p.Id));
        Assert.Contains(created.Id, Ok(await Client.Projects.ListAsync()).Select(p => p.Id));

        Assert.True((await Client.Projects.DeleteAsync(created.Id)).IsSuccess);
        Fails(await Client.Projects.GetAsync(created.Id), SyncErrorKind.NotFound);
        Fails(await Client.Projects.DeleteAsync(created.Id), SyncErrorKind.NotFound);
    }

    [Fact]
    public async Task Bad_project_input_is_invalid_input()
    {
        Fails(await Client.Projects.CreateAsync(new ProjectCreateOptions("   ")), SyncErrorKind.InvalidInput);
        Fails(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("p")) { ProductCode = "gcp-dataproc" }), SyncErrorKind.InvalidInput);
        Fails(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("p")) { Sla = TimeSpan.FromSeconds(-5) }), SyncErrorKind.InvalidInput);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var id = Guid.NewGuid().ToString();
        Fails(await Client.Projects.GetAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Projects.UpdateAsync(id, new ProjectUpdateOptions { Name = "x" }), SyncErrorKind.NotFound);
        Fails(await Client.Runs.ListAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Runs.CreateAsync(id, new RunCreateOptions(await File.ReadAllTextAsync(ContractSamples.Report))), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.GetAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.GetStatusAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.WaitForPredictionAsync(id, TimeSpan.FromSeconds(5)), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.RetryAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.DeleteAsync(id), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { RunId = id }), SyncErrorKind.NotFound);
    }

    [Fact]
    public async Task Runs_are_recorded_and_listed_with_their_code_hash()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("runs"))));
        var run = Ok(await Client.Runs.CreateAsync(project.Id, new RunCreateOptions(await File.ReadAllTextAsync(ContractSamples.Report))
        {
            CodeHash = "sha256:1111", Runtime = TimeSpan.FromMinutes(20), CostUsd = 3.5, EventLogLocation = "s3://bucket/logs/run-1",
        }));
        Assert.Equal("aws-databricks", run.ProductCode);
        var listed = Assert.Single(Ok(await Client.Runs.ListAsync(project.Id)));
        Assert.Equal(run.Id, listed.Id);
        Assert.Equal("sha256:1111", listed.CodeHash);
        Assert.Equal(TimeSpan.FromMinutes(20), listed.Runtime);
        Assert.Equal("s3://bucket/logs/run-1", listed.EventLogLocation);
    }

    [Fact]
    public async Task Run_is_recorded_under_the_id_its_cluster_was_tagged_with_and_a_failed_run_keeps_its_reason()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("tagged")) { ArtifactLocation = "s3://bucket/sync" }));
        var location = Ok(RunArtifactLocation.ForNewRun(project));
        var report = await File.ReadAllTextAsync(ContractSamples.Report);

        var run = Ok(await Client.Runs.CreateAsync(project.Id, new RunCreateOptions(report)
        {
            RunId = location.RunId, Status = RunStatus.Failed, StatusMessage = "Steps completed with errors", EventLogLocation = location.EventLogDirectory,
        }));

        Assert.Equal(location.RunId, run.Id);
        var read = Ok(await Client.Runs.GetAsync(run.Id));
        Assert.Equal(RunStatus.Failed, read.Status);
        Assert.Equal("Steps completed with errors", read.StatusMessage);
        Assert.Equal(location.EventLogDirectory, read.EventLogLocation);
        Fails(await Client.Runs.CreateAsync(project.Id, new RunCreateOptions(report) { RunId = location.RunId }), SyncErrorKind.Conflict);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { RunId = run.Id }), SyncErrorKind.InvalidInput);
        Fails(await Client.Runs.GetAsync(Guid.NewGuid().ToString()), SyncErrorKind.NotFound);
    }

    [Fact]
    public async Task Prediction_from_an_event_log_and_report_succeeds_with_solutions()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("predict"))));
        var created = Ok(await Client.Predictions.CreateAsync(SampleOptions(project.Id)));
        Assert.Equal(project.Id, created.ProjectId);
        Assert.Contains(created.Status, new[] { PredictionStatus.Pending, PredictionStatus.Running, PredictionStatus.Success });

        var seen = new List<PredictionStatus>();
        var prediction = Ok(await Client.Predictions.WaitForPredictionAsync(created.Id, PredictionTimeout, new SynchronousProgress(seen)));
        Assert.True(prediction.Status == PredictionStatus.Success, prediction.Error?.ToString());
        Assert.Equal(PredictionStatus.Success, seen[^1]);
        Assert.Equal("aws-databricks", prediction.ProductCode);
        Assert.False(string.IsNullOrEmpty(prediction.ApplicationName));
        Assert.True(prediction.Basis!.Runtime > TimeSpan.Zero);
        Assert.Equal(["balanced", "economy", "performance"], prediction.Solutions.Keys.Order());
        var performance = prediction.Solutions["performance"];
        var economy = prediction.Solutions["economy"];
        Assert.All(prediction.Solutions.Values, s => Assert.True(performance.Runtime <= s.Runtime));
        Assert.All(prediction.Solutions.Values, s => Assert.True(economy.CostUsd <= s.CostUsd));
        Assert.NotEmpty(prediction.Front);
        Assert.Contains("\"platform\"", prediction.Recommended!.ConfigurationJson);

        var onlyEconomy = Ok(await Client.Predictions.GetAsync(created.Id, Preference.Economy));
        Assert.Equal(["economy"], onlyEconomy.Solutions.Keys);
        Assert.Equal(PredictionStatus.Success, Ok(await Client.Predictions.GetStatusAsync(created.Id)));
        Assert.Equal([created.Id], Ok(await Client.Predictions.ListAsync(new PredictionListOptions { ProjectId = project.Id })).Select(p => p.Id));

        Assert.Contains("<svg", Ok(await Client.Predictions.GetReportAsync(created.Id)), StringComparison.Ordinal);
        Fails(await OtherTenantClient.Predictions.GetReportAsync(created.Id), SyncErrorKind.NotFound);

        Assert.True((await Client.Predictions.DeleteAsync(created.Id)).IsSuccess);
        Fails(await Client.Predictions.GetAsync(created.Id), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.GetReportAsync(created.Id), SyncErrorKind.NotFound);
    }

    [Fact]
    public async Task Prediction_from_an_uploaded_stream_succeeds()
    {
        await using var log = File.OpenRead(ContractSamples.EventLog);
        var created = Ok(await Client.Predictions.CreateAsync(new PredictionCreateOptions
        {
            EventLogStream = log, EventLogFileName = "run.zip", ClusterReportJson = await File.ReadAllTextAsync(ContractSamples.Report), Preference = Preference.Performance,
        }));
        var prediction = Ok(await Client.Predictions.WaitForPredictionAsync(created.Id, PredictionTimeout));
        Assert.True(prediction.Status == PredictionStatus.Success, prediction.Error?.ToString());
        Assert.Equal(Preference.Performance, prediction.Preference);
        Assert.Same(prediction.Solutions["performance"], prediction.Recommended);
    }

    [Fact]
    public async Task Interrupted_upload_loses_nothing_and_is_sent_again_to_the_same_prediction()
    {
        var report = await File.ReadAllTextAsync(ContractSamples.Report);
        await using (var broken = new FailingStream(File.OpenRead(ContractSamples.EventLog), failAfterBytes: 64 * 1024))
        {
            var failed = await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogStream = broken, EventLogFileName = "run.zip", ClusterReportJson = report });
            Assert.False(failed.IsSuccess);
            Assert.Contains("upload failed", failed.Error!.Message, StringComparison.Ordinal);
            var id = System.Text.RegularExpressions.Regex.Match(failed.Error.Message, @"Prediction (\S+) was created").Groups[1].Value;
            Assert.Contains($"UploadEventLogAsync(\"{id}\"", failed.Error.Hint, StringComparison.Ordinal);
            Assert.Equal(PredictionStatus.AwaitingUpload, Ok(await Client.Predictions.GetStatusAsync(id)));

            var uploaded = Ok(await Client.Predictions.UploadEventLogAsync(id, ContractSamples.EventLog));
            Assert.Equal(id, uploaded.Id);
            var prediction = Ok(await Client.Predictions.WaitForPredictionAsync(id, PredictionTimeout));
            Assert.True(prediction.Status == PredictionStatus.Success, prediction.Error?.ToString());
            Fails(await Client.Predictions.UploadEventLogAsync(id, ContractSamples.EventLog), SyncErrorKind.Conflict);
        }

        Fails(await Client.Predictions.UploadEventLogAsync(Guid.NewGuid().ToString(), ContractSamples.EventLog), SyncErrorKind.NotFound);
        Fails(await Client.Predictions.UploadEventLogAsync(Guid.NewGuid().ToString(), "/no/such/eventlog.zip"), SyncErrorKind.InvalidInput);
    }

    [Fact]
    public async Task Malformed_report_is_invalid_input()
    {
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogPath = ContractSamples.EventLog, ClusterReportJson = "{ not json" }),
            SyncErrorKind.InvalidInput);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogPath = ContractSamples.EventLog, ClusterReportJson = """{"schemaVersion": 1, "platform": "aws-emr"}""" }),
            SyncErrorKind.InvalidInput);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogPath = ContractSamples.EventLog }), SyncErrorKind.InvalidInput);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogPath = ContractSamples.EventLog, ClusterReportPath = "/no/such/report.json" }),
            SyncErrorKind.InvalidInput);
    }

    [Fact]
    public async Task Something_that_is_not_an_event_log_fails_the_prediction_clearly()
    {
        await using var text = new MemoryStream("not a Spark event log\nat all\n"u8.ToArray());
        var created = Ok(await Client.Predictions.CreateAsync(new PredictionCreateOptions
        {
            EventLogStream = text, EventLogFileName = "notes.txt", ClusterReportPath = ContractSamples.Report,
        }));
        var prediction = Ok(await Client.Predictions.WaitForPredictionAsync(created.Id, PredictionTimeout));
        Assert.Equal(PredictionStatus.Failure, prediction.Status);
        Assert.NotNull(prediction.Error);
        Assert.False(prediction.Retryable);
        Assert.Empty(prediction.Solutions);
        Fails(await Client.Predictions.CreateAsync(new PredictionCreateOptions { EventLogPath = "/no/such/eventlog", ClusterReportPath = ContractSamples.Report }),
            SyncErrorKind.InvalidInput);
    }

    [Fact]
    public async Task Prediction_for_other_code_than_its_basis_run_warns()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("code"))));
        var run = Ok(await Client.Runs.CreateAsync(project.Id, new RunCreateOptions(await File.ReadAllTextAsync(ContractSamples.Report)) { CodeHash = "sha256:aaaa" }));

        var changed = await Client.Predictions.CreateAsync(new PredictionCreateOptions
        {
            RunId = run.Id, EventLogPath = ContractSamples.EventLog, CodeHash = "sha256:bbbb",
        });
        Assert.True(changed.IsSuccess, changed.Error?.ToString());
        Assert.Equal("code_hash_changed", Assert.Single(changed.Warnings).Code);
        Assert.Equal(run.Id, changed.Value.RunId);
        var again = await Client.Predictions.GetAsync(changed.Value.Id);
        Assert.Equal("code_hash_changed", Assert.Single(again.Warnings).Code);

        var same = await Client.Predictions.CreateAsync(new PredictionCreateOptions { RunId = run.Id, EventLogPath = ContractSamples.EventLog, CodeHash = "sha256:aaaa" });
        Assert.True(same.IsSuccess, same.Error?.ToString());
        Assert.Empty(same.Warnings);
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_it()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("private"))));
        var prediction = Ok(await Client.Predictions.CreateAsync(SampleOptions(project.Id)));

        Fails(await OtherTenantClient.Projects.GetAsync(project.Id), SyncErrorKind.NotFound);
        Fails(await OtherTenantClient.Projects.DeleteAsync(project.Id), SyncErrorKind.NotFound);
        Fails(await OtherTenantClient.Runs.ListAsync(project.Id), SyncErrorKind.NotFound);
        Fails(await OtherTenantClient.Predictions.GetAsync(prediction.Id), SyncErrorKind.NotFound);
        Fails(await OtherTenantClient.Predictions.DeleteAsync(prediction.Id), SyncErrorKind.NotFound);
        Assert.DoesNotContain(project.Id, Ok(await OtherTenantClient.Projects.ListAsync()).Select(p => p.Id));
        Assert.DoesNotContain(prediction.Id, Ok(await OtherTenantClient.Predictions.ListAsync()).Select(p => p.Id));
        Assert.Equal(project.Name, Ok(await Client.Projects.GetAsync(project.Id)).Name);
    }

    [Fact]
    public async Task Waiting_for_a_prediction_that_cannot_finish_times_out()
    {
        var project = Ok(await Client.Projects.CreateAsync(new ProjectCreateOptions(Unique("wait"))));
        var run = Ok(await Client.Runs.CreateAsync(project.Id, new RunCreateOptions(await File.ReadAllTextAsync(ContractSamples.Report))));
        var awaiting = Ok(await Client.Predictions.CreateAsync(new PredictionCreateOptions { RunId = run.Id }));
        Assert.Equal(PredictionStatus.AwaitingUpload, awaiting.Status);
        Fails(await Client.Predictions.WaitForPredictionAsync(awaiting.Id, TimeSpan.FromMilliseconds(300)), SyncErrorKind.Timeout);
    }

    [Fact]
    public async Task Cancelled_calls_say_so()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Fails(await Client.Projects.ListAsync(cancellationToken: cancelled.Token), SyncErrorKind.Cancelled);
        Fails(await Client.Predictions.CreateAsync(SampleOptions(), cancelled.Token), SyncErrorKind.Cancelled);
    }

    /// <summary>Records reports as they happen (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class SynchronousProgress(List<PredictionStatus> seen) : IProgress<PredictionStatus>
    {
        public void Report(PredictionStatus value) => seen.Add(value);
    }
}
