using Sync.Api;
using Sync.Api.Models;
using Sync.Server.Tests.Support;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Loop;

/// <summary>
/// The loop with a remote Sync server (a real server process on loopback) instead of the embedded backend: the server
/// cannot read S3, so the run records the S3 location and the prediction uploads the log the client downloaded.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RemoteServerLoopTests(MotoServer moto)
{
    [Fact]
    public async Task Run_record_predict_and_run_the_prediction_through_a_sync_server()
    {
        await using var server = await ServerProcess.StartAsync();
        var (keyId, secret) = await server.CreateKeyAsync("emr-loop");
        var sync = new SyncClient(new SyncClientOptions
        {
            ApiUrl = server.BaseAddress, ApiKeyId = keyId, ApiKeySecret = secret, PollInterval = TimeSpan.FromMilliseconds(100),
        });
        await using var loop = await LoopFixture.CreateAsync(moto, sync: sync);

        var started = await loop.Client.RunJobFlowAsync(LoopFixture.Spec, loop.Project.Id);
        Assert.True(started.IsSuccess, started.ToString());
        var run = started.Value;
        await loop.WriteEventLogAsync(run.EventLogDirectory!);
        await loop.TerminateAsync(run.ClusterId);
        var ended = await loop.Client.WaitForClusterAsync(run.ClusterId);
        Assert.True(ended.IsSuccess, ended.ToString());

        var recorded = await loop.Client.RecordRunAsync(run.ClusterId);
        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(run.RunId, recorded.Value.Run.Id);
        // The server records where the log is on S3, not a path on this machine.
        Assert.Equal(run.EventLogDirectory, recorded.Value.Run.EventLogLocation);
        Assert.True(recorded.Value.PredictionId is not null, string.Join("; ", recorded.Warnings.Select(w => w.Message)));

        var predicted = await sync.Predictions.WaitForPredictionAsync(recorded.Value.PredictionId!, TimeSpan.FromMinutes(2));
        Assert.True(predicted.IsSuccess, predicted.ToString());
        Assert.True(predicted.Value.Status == PredictionStatus.Success, predicted.Value.Error?.ToString());
        Assert.StartsWith("upload://", predicted.Value.EventLog, StringComparison.Ordinal);

        var next = await loop.Client.RunPredictionAsync(predicted.Value.Id);
        Assert.True(next.IsSuccess, next.ToString());
        using var emr = MotoClients.Emr(moto);
        var core = (await emr.ListInstanceGroupsAsync(next.Value.ClusterId)).Single(g => g.InstanceGroupType == "CORE");
        Assert.Equal(predicted.Value.Recommended!.WorkerInstanceType, core.InstanceType);
        Assert.Equal(predicted.Value.Recommended.WorkerNodes, core.RequestedInstanceCount);
    }
}
