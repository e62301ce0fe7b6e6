using Sync.Service.Contract;

namespace Sync.Service.Tests;

public sealed class ProjectAndRunTests
{
    [Theory]
    [MemberData(nameof(ServiceHarness.Providers), MemberType = typeof(ServiceHarness))]
    public async Task ProjectsAreCreatedUpdatedListedAndDeletedWithTheirRuns(string provider)
    {
        await using var harness = new ServiceHarness(provider);
        await using var service = await harness.OpenAsync(runPredictions: false);
        var created = await service.Projects.CreateAsync("t", new ProjectRequestDto
        {
            Name = " nightly ", ProductCode = "aws-databricks", AppId = "etl", ArtifactUrl = "s3://bucket/etl", PredictionPreference = "Economy", SlaSeconds = 3600,
        });
        Assert.Equal("nightly", created.Name);
        Assert.Equal("economy", created.PredictionPreference);
        var other = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "other", AppId = "other" });

        var updated = await service.Projects.UpdateAsync("t", created.Id, new ProjectRequestDto { Description = "the nightly ETL" });
        Assert.Equal("the nightly ETL", updated.Description);
        Assert.Equal("s3://bucket/etl", updated.ArtifactUrl);
        Assert.Equal(3600, updated.SlaSeconds);

        Assert.Equal([created.Id, other.Id], (await service.Projects.ListAsync("t")).Select(p => p.Id));
        Assert.Equal([created.Id], (await service.Projects.ListAsync("t", appId: "etl")).Select(p => p.Id));

        var run = await service.Runs.CreateAsync("t", created.Id, new SubmissionRequestDto
        {
            ClusterReport = ServiceHarness.SampleReport, EventLogUri = ServiceHarness.SampleEventLog, CodeHash = "abc", RuntimeSeconds = 100,
        });
        Assert.Equal("aws-databricks", run.Product);
        Assert.Equal("abc", (await service.Runs.GetAsync("t", run.SubmissionId)).CodeHash);
        Assert.Single(await service.Runs.ListAsync("t", created.Id));

        await service.Projects.DeleteAsync("t", created.Id);
        Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(() => service.Projects.GetAsync("t", created.Id))).Kind);
        Assert.Equal(ServiceErrorKind.NotFound, (await Assert.ThrowsAsync<SyncServiceException>(() => service.Runs.GetAsync("t", run.SubmissionId))).Kind);
        Assert.Equal([other.Id], (await service.Projects.ListAsync("t")).Select(p => p.Id));
    }

    [Fact]
    public async Task BadProjectAndRunInputIsRefusedAsInvalidInput()
    {
        await using var harness = new ServiceHarness("sqlite");
        await using var service = await harness.OpenAsync(runPredictions: false);
        async Task Invalid(Func<Task> call) =>
            Assert.Equal(ServiceErrorKind.InvalidInput, (await Assert.ThrowsAsync<SyncServiceException>(call)).Kind);

        await Invalid(() => service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "  " }));
        await Invalid(() => service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "p", ProductCode = "gcp-dataproc" }));
        await Invalid(() => service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "p", PredictionPreference = "fastest" }));
        await Invalid(() => service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "p", SlaSeconds = -1 }));
        var project = await service.Projects.CreateAsync("t", new ProjectRequestDto { Name = "p" });
        using var malformed = System.Text.Json.JsonDocument.Parse("""{"schemaVersion": 1, "platform": "aws-emr"}""");
        var e = await Assert.ThrowsAsync<SyncServiceException>(() => service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto { ClusterReport = malformed.RootElement }));
        Assert.Equal("invalid_cluster_report", e.Code);
        await Invalid(() => service.Runs.CreateAsync("t", project.Id, new SubmissionRequestDto()));
    }
}
