using System.Text.Json;
using Sync.Contract.Tests.Support;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;
using Sync.Service.Contract;

namespace Sync.Service.Tests;

public sealed class PredictionTests
{
    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task PredictionOfTheSampleRunsInTheBackgroundAndStoresWhatTheEngineComputes(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using var service = await harness.OpenAsync();
        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto
        {
            EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport,
        });
        Assert.Equal(PredictionStatuses.Pending, created.Status);
        Assert.Empty(created.Warnings);

        var prediction = await ServiceHarness.WaitForFinishAsync(service, "t", created.PredictionId);
        Assert.True(prediction.Status == PredictionStatuses.Success, prediction.Error?.Message);
        Assert.Equal(1, prediction.Attempts);
        Assert.Equal("aws-databricks", prediction.ProductCode);
        Assert.Equal("Databricks on AWS", prediction.ProductName);

        // The same answer as the engine gives in-process.
        var app = await EventLogReader.ReadAsync(ServiceHarness.SampleEventLog);
        var expected = new Recommender(InstanceCatalog.BuiltIn).Recommend(app, ClusterReport.Parse(File.ReadAllText(ServiceHarness.SampleReportPath), "report"));
        Assert.Equal(app.Info.Name, prediction.ApplicationName);
        Assert.Equal(expected.ObservedRuntimeMs / 1000.0, prediction.Basis!.Metrics.Runtime);
        Assert.Equal(["balanced", "economy", "performance"], prediction.Solutions!.Keys.Order());
        Assert.Equal(expected.Balanced.PredictedRuntimeMs / 1000.0, prediction.Solutions["balanced"].Metrics.Runtime);
        Assert.Equal(Math.Round(expected.Economy.Cost.TotalUsd, 4), prediction.Solutions["economy"].Metrics.Cost);
        Assert.Equal(expected.Performance.WorkerNodes, prediction.Solutions["performance"].WorkerNodes);
        Assert.Equal(expected.Front.Count, prediction.Front!.Count);
        var configuration = ClusterReport.Parse(prediction.Solutions["balanced"].Configuration.GetRawText(), "balanced");
        Assert.Equal(expected.Balanced.Report.Nodes.Sum(n => n.Count), configuration.Nodes.Sum(n => n.Count));

        // ?preference= keeps only that solution.
        var economy = await service.Predictions.GetAsync("t", created.PredictionId, "economy");
        Assert.Equal(["economy"], economy.Solutions!.Keys);
        Assert.Equal(PredictionStatuses.Success, (await service.Predictions.GetStatusAsync("t", created.PredictionId)).Status);
        Assert.Single(await service.Predictions.ListAsync("t", new Predictions.PredictionQuery { Products = ["aws-databricks"] }));
        Assert.Empty(await service.Predictions.ListAsync("t", new Predictions.PredictionQuery { Products = ["aws-emr"] }));

        await service.Predictions.DeleteAsync("t", created.PredictionId);
        Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.GetAsync("t", created.PredictionId))).Kind);
    }

    [Fact]
    public async Task UploadedEventLogIsStreamedToDiskAndPredicted()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync();
        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport, ProductCode = "aws-databricks" });
        Assert.Equal(PredictionStatuses.AwaitingUpload, created.Status);
        Assert.Equal(PredictionStatuses.AwaitingUpload, (await service.Predictions.GetStatusAsync("t", created.PredictionId)).Status);

        await using (var log = File.OpenRead(ServiceHarness.SampleEventLog))
        {
            Assert.Equal(PredictionStatuses.Pending, (await service.Predictions.AttachEventLogAsync("t", created.PredictionId, log, "../../etc/log.zip")).Status);
        }

        var stored = Path.Combine(harness.Directory, "uploads", created.PredictionId, "log.zip");
        Assert.Equal(new FileInfo(ServiceHarness.SampleEventLog).Length, new FileInfo(stored).Length);
        var prediction = await ServiceHarness.WaitForFinishAsync(service, "t", created.PredictionId);
        Assert.True(prediction.Status == PredictionStatuses.Success, prediction.Error?.Message);
        Assert.StartsWith("upload://", prediction.EventLog);

        // A second upload to a prediction that no longer awaits one is a conflict.
        await using var again = File.OpenRead(ServiceHarness.SampleEventLog);
        Assert.Equal(ServiceErrorKind.Conflict, (await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.AttachEventLogAsync("t", created.PredictionId, again))).Kind);

        await service.Predictions.DeleteAsync("t", created.PredictionId);
        Assert.False(Directory.Exists(Path.Combine(harness.Directory, "uploads", created.PredictionId)));
    }

    [Fact]
    public async Task UploadThatBreaksOffLeavesThePredictionAwaitingItsLog()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync();
        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport });

        await using (var broken = new FailingStream(File.OpenRead(ServiceHarness.SampleEventLog), failAfterBytes: 100_000))
        {
            await Assert.ThrowsAsync<IOException>(() => service.Predictions.AttachEventLogAsync("t", created.PredictionId, broken, "log.zip"));
        }

        Assert.Equal(PredictionStatuses.AwaitingUpload, (await service.Predictions.GetStatusAsync("t", created.PredictionId)).Status);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(harness.Directory, "uploads", created.PredictionId)));

        await using (var log = File.OpenRead(ServiceHarness.SampleEventLog))
        {
            await service.Predictions.AttachEventLogAsync("t", created.PredictionId, log, "log.zip");
        }

        Assert.Equal(PredictionStatuses.Success, (await ServiceHarness.WaitForFinishAsync(service, "t", created.PredictionId)).Status);
    }

    [Fact]
    public async Task UploadOfSomethingElseFailsThePredictionWithAClearError()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync();
        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport });
        await using (var text = new MemoryStream("this is a shopping list, not a Spark event log\nmilk\neggs\n"u8.ToArray()))
        {
            await service.Predictions.AttachEventLogAsync("t", created.PredictionId, text, "list.txt");
        }

        var prediction = await ServiceHarness.WaitForFinishAsync(service, "t", created.PredictionId);
        Assert.Equal(PredictionStatuses.Failure, prediction.Status);
        Assert.NotNull(prediction.Error);
        Assert.False(string.IsNullOrWhiteSpace(prediction.Error!.Message));
        Assert.Null(prediction.Solutions);

        var empty = await service.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport });
        var e = await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.AttachEventLogAsync("t", empty.PredictionId, new MemoryStream()));
        Assert.Equal(ServiceErrorKind.InvalidInput, e.Kind);
    }

    [Fact]
    public async Task OversizedUploadIsRefused()
    {
        await using var harness = new ServiceHarness("sqlite");
        var options = harness.Options();
        options.MaxUploadBytes = 1000;
        await using var service = await SyncService.OpenAsync(options);
        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport });
        await using var log = File.OpenRead(ServiceHarness.SampleEventLog);
        var e = await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.AttachEventLogAsync("t", created.PredictionId, log));
        Assert.Equal(ServiceErrorKind.TooLarge, e.Kind);
        Assert.Equal(PredictionStatuses.AwaitingUpload, (await service.Predictions.GetStatusAsync("t", created.PredictionId)).Status);
    }

    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task APredictionWhoseProcessStoppedWhileThisOneRunsIsFailedOnceItsLeaseRunsOut(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        string id;
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            id = (await service.Predictions.CreateAsync("t", new PredictionRequestDto { EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport })).PredictionId;
        }

        // Another process holds it, then stops without finishing it while this one is open: its lease runs out.
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        Assert.Equal(1, await harness.ExecuteAsync($"UPDATE predictions SET status = 'RUNNING', attempts = 1, lease_until_ms = {future} WHERE id = '{id}'"));
        await using var open = await harness.OpenAsync();
        Assert.Equal(PredictionStatuses.Running, (await open.Predictions.GetStatusAsync("t", id)).Status);
        Assert.Equal(1, await harness.ExecuteAsync($"UPDATE predictions SET lease_until_ms = 1 WHERE id = '{id}'"));

        // Within a lease period (5 s here) a waiting client sees the failure instead of waiting forever.
        var failed = await ServiceHarness.WaitForFinishAsync(open, "t", id, TimeSpan.FromSeconds(30));
        Assert.Equal(PredictionStatuses.Failure, failed.Status);
        Assert.Equal("interrupted", failed.Error!.Code);
        Assert.True(failed.Retryable);
    }

    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task PredictionLeftRunningByACrashIsFailedRetryableAndRetriedAfterReopening(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        string crashed, alive;
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            crashed = (await service.Predictions.CreateAsync("t", new PredictionRequestDto { EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport })).PredictionId;
            alive = (await service.Predictions.CreateAsync("t", new PredictionRequestDto { EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport })).PredictionId;
        }

        // What a process killed mid-prediction leaves: RUNNING with a lease that ran out; and one still held by a live process.
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();
        Assert.Equal(1, await harness.ExecuteAsync($"UPDATE predictions SET status = 'RUNNING', attempts = 1, lease_until_ms = 1 WHERE id = '{crashed}'"));
        Assert.Equal(1, await harness.ExecuteAsync($"UPDATE predictions SET status = 'RUNNING', attempts = 1, lease_until_ms = {future} WHERE id = '{alive}'"));

        await using var reopened = await harness.OpenAsync();
        var failed = await reopened.Predictions.GetAsync("t", crashed);
        Assert.Equal(PredictionStatuses.Failure, failed.Status);
        Assert.True(failed.Retryable);
        Assert.Equal("interrupted", failed.Error!.Code);
        Assert.Equal(PredictionStatuses.Running, (await reopened.Predictions.GetStatusAsync("t", alive)).Status);

        Assert.Equal(PredictionStatuses.Pending, (await reopened.Predictions.RetryAsync("t", crashed)).Status);
        var retried = await ServiceHarness.WaitForFinishAsync(reopened, "t", crashed);
        Assert.Equal(PredictionStatuses.Success, retried.Status);
        Assert.Equal(2, retried.Attempts);
        Assert.Null(retried.Error);
        Assert.Equal(ServiceErrorKind.Conflict, (await Assert.ThrowsAsync<SyncServiceException>(() => reopened.Predictions.RetryAsync("t", crashed))).Kind);
    }

    [Fact]
    public async Task PendingPredictionsAreRunByTheNextServiceToOpen()
    {
        await using var harness = new ServiceHarness("sqlite");
        string id;
        await using (var service = await harness.OpenAsync(runPredictions: false))
        {
            id = (await service.Predictions.CreateAsync("t", new PredictionRequestDto { EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport })).PredictionId;
        }

        await using var reopened = await harness.OpenAsync();
        Assert.Equal(PredictionStatuses.Success, (await ServiceHarness.WaitForFinishAsync(reopened, "t", id)).Status);
    }

    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task TenantsSeeOnlyTheirOwnResources(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using var service = await harness.OpenAsync(runPredictions: false);
        var project = await service.Projects.CreateAsync("a", new ProjectRequestDto { Name = "a's" });
        var run = await service.Runs.CreateAsync("a", project.Id, new SubmissionRequestDto { ClusterReport = ServiceHarness.SampleReport });
        var prediction = await service.Predictions.CreateAsync("a", new PredictionRequestDto { ProjectId = project.Id, EventLogUrl = ServiceHarness.SampleEventLog, Configs = ServiceHarness.SampleReport });

        async Task NotFound(Func<Task> call) =>
            Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(call)).Kind);

        await NotFound(() => service.Projects.GetAsync("b", project.Id));
        await NotFound(() => service.Projects.UpdateAsync("b", project.Id, new ProjectRequestDto { Name = "stolen" }));
        await NotFound(() => service.Projects.DeleteAsync("b", project.Id));
        await NotFound(() => service.Runs.GetAsync("b", run.SubmissionId));
        await NotFound(() => service.Runs.ListAsync("b", project.Id));
        await NotFound(() => service.Runs.CreateAsync("b", project.Id, new SubmissionRequestDto { ClusterReport = ServiceHarness.SampleReport }));
        await NotFound(() => service.Predictions.GetAsync("b", prediction.PredictionId));
        await NotFound(() => service.Predictions.GetStatusAsync("b", prediction.PredictionId));
        await NotFound(() => service.Predictions.DeleteAsync("b", prediction.PredictionId));
        await NotFound(() => service.Predictions.RetryAsync("b", prediction.PredictionId));
        await NotFound(() => service.Predictions.CreateAsync("b", new PredictionRequestDto { RunId = run.SubmissionId }));
        await NotFound(() => service.Predictions.CreateAsync("b", new PredictionRequestDto { ProjectId = project.Id, Configs = ServiceHarness.SampleReport }));
        Assert.Empty(await service.Projects.ListAsync("b"));
        Assert.Empty(await service.Predictions.ListAsync("b"));
        Assert.Single(await service.Predictions.ListAsync("a"));
        Assert.Equal("a's", (await service.Projects.GetAsync("a", project.Id)).Name);
    }

    [Fact]
    public async Task PredictionForCodeOtherThanItsBasisRunsWarns()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync(runPredictions: false);
        var project = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "p", PredictionPreference = "performance" });
        var run = await service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto
        {
            ClusterReport = ServiceHarness.SampleReport, EventLogUri = ServiceHarness.SampleEventLog, CodeHash = "sha256:aaaa",
        });

        var changed = await service.Predictions.CreateAsync("t", new PredictionRequestDto { RunId = run.SubmissionId, CodeHash = "sha256:bbbb" });
        var warning = Assert.Single(changed.Warnings);
        Assert.Equal("code_hash_changed", warning.Code);
        Assert.Contains("sha256:aaaa", warning.Message);
        var stored = await service.Predictions.GetAsync("t", changed.PredictionId);
        Assert.Equal("code_hash_changed", Assert.Single(stored.Warnings).Code);
        Assert.Equal(run.SubmissionId, stored.RunId);
        Assert.Equal(project.Id, stored.ProjectId);
        Assert.Equal("performance", stored.Preference);
        Assert.Equal(PredictionStatuses.Pending, stored.Status);

        // Against the project's latest run, and without a change.
        var viaProject = await service.Predictions.CreateAsync("t", new PredictionRequestDto { ProjectId = project.Id, Configs = ServiceHarness.SampleReport, CodeHash = "sha256:cccc" });
        Assert.Equal("code_hash_changed", Assert.Single(viaProject.Warnings).Code);
        Assert.Empty((await service.Predictions.CreateAsync("t", new PredictionRequestDto { RunId = run.SubmissionId, CodeHash = "SHA256:AAAA" })).Warnings);
        Assert.Empty((await service.Predictions.CreateAsync("t", new PredictionRequestDto { RunId = run.SubmissionId })).Warnings);
    }

    [Fact]
    public async Task BadPredictionRequestsAreRefused()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync(runPredictions: false);
        async Task<SyncServiceException> Refused(PredictionRequestDto request) =>
            await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.CreateAsync("t", request));

        Assert.Equal("invalid_input", (await Refused(new PredictionRequestDto { EventLogUrl = ServiceHarness.SampleEventLog })).Code);
        using var bad = JsonDocument.Parse("""{"schemaVersion": 7}""");
        Assert.Equal("invalid_cluster_report", (await Refused(new PredictionRequestDto { Configs = bad.RootElement })).Code);
        Assert.Equal(ServiceErrorKind.InvalidInput, (await Refused(new PredictionRequestDto { Configs = ServiceHarness.SampleReport, ProductCode = "aws-emr" })).Kind);
        Assert.Equal(ServiceErrorKind.InvalidInput, (await Refused(new PredictionRequestDto { Configs = ServiceHarness.SampleReport, Preference = "cheap" })).Kind);
        Assert.Equal("event_log_not_found", (await Refused(new PredictionRequestDto { Configs = ServiceHarness.SampleReport, EventLogUrl = "/no/such/log" })).Code);
        Assert.Equal("unsupported_event_log_url", (await Refused(new PredictionRequestDto { Configs = ServiceHarness.SampleReport, EventLogUrl = "s3://b/k" })).Code);
        Assert.Equal(ServiceErrorKind.NotFound, (await Refused(new PredictionRequestDto { RunId = "nope" })).Kind);

        var options = harness.Options(runPredictions: false);
        options.AllowLocalEventLogs = false;
        await using var strict = await SyncService.OpenAsync(options);
        var e = await Assert.ThrowsAsync<SyncServiceException>(() => strict.Predictions.CreateAsync("t", new PredictionRequestDto { Configs = ServiceHarness.SampleReport, EventLogUrl = ServiceHarness.SampleEventLog }));
        Assert.Equal(ServiceErrorKind.PermissionDenied, e.Kind);
    }
}
