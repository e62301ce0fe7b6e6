using Sync.Api;

namespace Sync.Api.Tests;

public class ResponseTests
{
    [Fact]
    public void Success_holds_its_value_and_warnings()
    {
        var warning = new SyncWarning("code-hash-changed", "The basis run used other code.");
        var response = Response.FromValue(42, [warning]);

        Assert.True(response.IsSuccess);
        Assert.Null(response.Error);
        Assert.Equal(42, response.Value);
        Assert.True(response.TryGetValue(out var value));
        Assert.Equal(42, value);
        Assert.Equal([warning], response.Warnings);
    }

    [Fact]
    public void Failure_has_no_value_and_says_why_when_asked_for_one()
    {
        var error = new SyncError(SyncErrorKind.NotFound, "Project p-1 does not exist.", "List projects with `sync-cli projects list`.");
        var response = Response.FromError<int>(error);

        Assert.False(response.IsSuccess);
        Assert.Same(error, response.Error);
        Assert.False(response.TryGetValue(out _));
        var thrown = Assert.Throws<InvalidOperationException>(() => response.Value);
        Assert.Contains("Project p-1 does not exist.", thrown.Message);
        Assert.Empty(response.Warnings);
    }

    [Fact]
    public void A_failure_carries_its_error_into_another_result_type()
    {
        var error = new SyncError(SyncErrorKind.Network, "Connection refused.");
        var converted = Response.FromError<int>(error).AsFailure<string>();

        Assert.Same(error, converted.Error);
        Assert.Throws<InvalidOperationException>(() => Response.FromValue(1).AsFailure<string>());
    }
}
