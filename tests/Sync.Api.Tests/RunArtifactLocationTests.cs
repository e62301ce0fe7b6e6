using Sync.Api.Models;
using Sync.Engine.Recommendations;

namespace Sync.Api.Tests;

public class RunArtifactLocationTests
{
    private static Project Project(string? location) =>
        new("p-1", "nightly", null, "aws-emr", null, location, Preference.Balanced, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void NewRunLivesUnderTheProjectWithItsUtcStartAndATimeOrderedId()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2026, 11, 26, 3, 4, 5, 678, TimeSpan.FromHours(2)) };
        var location = RunArtifactLocation.ForNewRun(Project("s3://bucket/sync/"), clock).Value!;

        Assert.True(Guid.TryParse(location.RunId, out var id));
        Assert.Equal(7, id.Version);
        Assert.Equal($"s3://bucket/sync/p-1/20261126T010405Z/{location.RunId}", location.Root);
        Assert.Equal(location.Root + "/eventlog/", location.EventLogDirectory);
        Assert.Equal(location.Root + "/cluster-report.json", location.ClusterReportLocation);
        Assert.Equal(location.Root + "/run-job-flow.json", location.File("run-job-flow.json"));
    }

    [Fact]
    public void ProjectWithoutALocationIsToldWhereToSetIt()
    {
        var response = RunArtifactLocation.ForNewRun(Project(null));
        Assert.Equal(SyncErrorKind.InvalidInput, response.Error!.Kind);
        Assert.Contains("projects update", response.Error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket/sync/p-1/20261126T010405Z/r-9/eventlog/", "s3://bucket/sync")]
    [InlineData("dbfs:/sync/p-1/20261126T010405Z/r-9", "dbfs:/sync")]
    [InlineData("/home/me/runs/p-1/20261126T010405Z/r-9/eventlog", "/home/me/runs")]
    public void LocationIsRecoveredFromAPathInsideTheRun(string path, string projectLocation)
    {
        Assert.True(RunArtifactLocation.TryParse(path, "p-1", "r-9", out var location));
        Assert.Equal(projectLocation, location.ProjectLocation);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 1, 4, 5, TimeSpan.Zero), location.StartedAt);
        Assert.Equal(RunArtifactLocation.Create(projectLocation, "p-1", location.StartedAt, "r-9"), location);
    }

    [Theory]
    [InlineData("s3://bucket/sync/p-1/20261126T010405Z/r-8/eventlog/")]
    [InlineData("s3://bucket/sync/p-2/20261126T010405Z/r-9/eventlog/")]
    [InlineData("s3://bucket/sync/p-1/2026-11-26/r-9/eventlog/")]
    [InlineData("s3://bucket/eventlogs/")]
    [InlineData("")]
    public void PathOfAnotherRunOrNoRunIsNotRecovered(string path) =>
        Assert.False(RunArtifactLocation.TryParse(path, "p-1", "r-9", out _));
}
