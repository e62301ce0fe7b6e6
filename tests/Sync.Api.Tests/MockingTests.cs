using Sync.Api.Models;
using Sync.Engine.Recommendations;

namespace Sync.Api.Tests;

/// <summary>Code that uses <see cref="SyncClient"/> can be tested with hand-written (or library) mocks of its clients.</summary>
public sealed class MockingTests
{
    private sealed class FakeProjects : ProjectsClient
    {
        public override Task<Response<Project>> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
            Task.FromResult(projectId == "known"
                ? Response.FromValue(new Project("known", "fake", null, null, null, null, Preference.Balanced, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch))
                : Response.FromError<Project>(new SyncError(SyncErrorKind.NotFound, "no such project")));
    }

    private sealed class FakeClient : SyncClient
    {
        public override ProjectsClient Projects { get; } = new FakeProjects();
    }

    private static async Task<string> DescribeAsync(SyncClient client, string id)
    {
        var response = await client.Projects.GetAsync(id);
        return response.IsSuccess ? response.Value.Name : response.Error!.Kind.ToString();
    }

    [Fact]
    public async Task Clients_can_be_replaced_by_subclasses()
    {
        await using var client = new FakeClient();
        Assert.Equal("fake", await DescribeAsync(client, "known"));
        Assert.Equal("NotFound", await DescribeAsync(client, "other"));
    }
}
