using Sync.Service.Contract;

namespace Sync.Service.Tests;

/// <summary>Runs recorded under an id chosen before they started, and failed runs kept for the record but never predicted from.</summary>
public sealed class RunStatusTests
{
    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task RunIsRecordedUnderTheIdChosenBeforeItStartedAndOnlyOnce(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using var service = await harness.OpenAsync(runPredictions: false);
        var project = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "nightly" });
        var chosen = Guid.CreateVersion7().ToString();

        var run = await service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto { SubmissionId = chosen.ToUpperInvariant(), ClusterReport = ServiceHarness.SampleReport });

        Assert.Equal(chosen, run.SubmissionId);
        Assert.Equal(RunStatuses.Succeeded, (await service.Runs.GetAsync("t", chosen)).Status);
        var again = await Assert.ThrowsAsync<SyncServiceException>(() =>
            service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto { SubmissionId = chosen, ClusterReport = ServiceHarness.SampleReport }));
        Assert.Equal(ServiceErrorKind.Conflict, again.Kind);
        var notUuid = await Assert.ThrowsAsync<SyncServiceException>(() =>
            service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto { SubmissionId = "run-1", ClusterReport = ServiceHarness.SampleReport }));
        Assert.Equal(ServiceErrorKind.InvalidInput, notUuid.Kind);
        Assert.Contains("submission_id", notUuid.Message, StringComparison.Ordinal);
        var badStatus = await Assert.ThrowsAsync<SyncServiceException>(() =>
            service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto { Status = "CRASHED", ClusterReport = ServiceHarness.SampleReport }));
        Assert.Contains("CRASHED", badStatus.Message, StringComparison.Ordinal);
        Assert.Single(await service.Runs.ListAsync("t", project.Id));
    }

    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task FailedRunIsKeptWithItsReasonButIsNeverAPredictionsBasis(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using var service = await harness.OpenAsync(runPredictions: false);
        var project = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "nightly" });
        var good = await service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto
        {
            ClusterReport = ServiceHarness.SampleReport, EventLogUri = ServiceHarness.SampleEventLog,
        });
        var failed = await service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto
        {
            ClusterReport = ServiceHarness.SampleReport, Status = "failed", StatusMessage = " Bootstrap failure: install.sh returned 1 ",
        });

        var stored = await service.Runs.GetAsync("t", failed.SubmissionId);
        Assert.Equal(RunStatuses.Failed, stored.Status);
        Assert.Equal("Bootstrap failure: install.sh returned 1", stored.StatusMessage);

        var refused = await Assert.ThrowsAsync<SyncServiceException>(() =>
            service.Predictions.CreateAsync("t", new PredictionRequestDto { RunId = failed.SubmissionId }));
        Assert.Equal(ServiceErrorKind.InvalidInput, refused.Kind);
        Assert.Contains("Bootstrap failure", refused.Message, StringComparison.Ordinal);

        // The project's latest run failed: its prediction is made from the latest run that succeeded.
        var prediction = await service.Predictions.CreateAsync("t", new PredictionRequestDto { ProjectId = project.Id });
        Assert.Equal(good.SubmissionId, (await service.Predictions.GetAsync("t", prediction.PredictionId)).RunId);
    }

    [Fact]
    public async Task PredictionFromARunWhoseLogTheServiceCannotReadWaitsForItsUpload()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync(runPredictions: false);
        var project = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "nightly" });
        var run = await service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto
        {
            ClusterReport = ServiceHarness.SampleReport, EventLogUri = "s3://bucket/projects/p/20261126T010000Z/r/eventlog/",
        });

        var created = await service.Predictions.CreateAsync("t", new PredictionRequestDto { RunId = run.SubmissionId });

        Assert.Equal(PredictionStatuses.AwaitingUpload, created.Status);
        var warning = Assert.Single(created.Warnings!);
        Assert.Equal("event_log_upload_needed", warning.Code);
        Assert.Contains("s3://bucket/projects/p", warning.Message, StringComparison.Ordinal);

        // Asked for by URL, the same log is refused: the caller chose a location the service cannot read.
        var refused = await Assert.ThrowsAsync<SyncServiceException>(() => service.Predictions.CreateAsync("t",
            new PredictionRequestDto { RunId = run.SubmissionId, EventLogUrl = "s3://bucket/projects/p/20261126T010000Z/r/eventlog/" }));
        Assert.Equal("unsupported_event_log_url", refused.Code);
    }
}
