using Sync.Api;
using Sync.Api.Models;
using Sync.AwsDatabricks.Runs;
using Sync.Engine.Recommendations;
using Sync.Server.Tests.Support;

namespace Sync.AwsDatabricks.Tests;

/// <summary>
/// The loop with a remote Sync server (a real server process on loopback): the server cannot read DBFS, so the run
/// records the delivered folder and the prediction uploads the log the client downloaded.
/// </summary>
public sealed class RemoteServerLoopTests
{
    [Fact]
    public async Task Run_record_predict_and_run_the_prediction_through_a_sync_server()
    {
        await using var server = await ServerProcess.StartAsync();
        var (keyId, secret) = await server.CreateKeyAsync("dbx-loop");
        var sync = new SyncClient(new SyncClientOptions
        {
            ApiUrl = server.BaseAddress, ApiKeyId = keyId, ApiKeySecret = secret, PollInterval = TimeSpan.FromMilliseconds(100),
        });
        await using var ws = await LoopWorkspace.StartAsync(sync: sync);
        var project = await ws.CreateProjectAsync();
        var task = DatabricksTask.SparkPython("dbfs:/jobs/etl.py");

        var recorded = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), task, project.Id);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.True(recorded.Value.PredictionId is not null, string.Join("; ", recorded.Warnings.Select(w => w.Message)));
        Assert.DoesNotContain(recorded.Warnings, w => w.Code == "event_log_upload_needed");
        // The server records the delivered folder on DBFS, not a path on this machine.
        Assert.StartsWith("dbfs:/", recorded.Value.Run.EventLogLocation, StringComparison.Ordinal);

        var prediction = await sync.Predictions.WaitForPredictionAsync(recorded.Value.PredictionId!, TimeSpan.FromMinutes(2));
        Assert.True(prediction.IsSuccess, prediction.ToString());
        Assert.True(prediction.Value.Status == PredictionStatus.Success, prediction.Value.Error?.ToString());

        var next = await ws.Client.RunPredictionAsync(prediction.Value.Id, Preference.Economy, task);
        Assert.True(next.IsSuccess, next.ToString());
        var submitted = ws.Emulator.Workspace.SubmittedCluster(next.Value.RunId)!;
        Assert.Equal(prediction.Value.Solutions["economy"].WorkerInstanceType, submitted["node_type_id"]!.GetValue<string>());
        Assert.Equal(prediction.Value.Solutions["economy"].WorkerNodes, submitted["num_workers"]!.GetValue<int>());
    }
}
