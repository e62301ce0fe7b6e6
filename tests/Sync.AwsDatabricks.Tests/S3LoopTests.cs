using Amazon.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;
using Sync.Api.Models;
using Sync.AwsDatabricks.Runs;
using Sync.Clients.Aws.S3;
using Sync.Tests.Support;

namespace Sync.AwsDatabricks.Tests;

/// <summary>The loop with the project kept on S3: logs delivered by the emulator to moto's S3, read back through <see cref="S3Storage"/>.</summary>
[Collection(MotoCollection.Name)]
public sealed class S3LoopTests(MotoServer moto)
{
    [Fact]
    public async Task A_project_on_S3_gets_its_spec_logs_and_report_there_and_the_run_is_recorded_with_its_prediction()
    {
        var bucket = "sync-dbx-" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region }))
        {
            await admin.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }

        using var s3 = MotoClients.S3(moto);
        await using var ws = await LoopWorkspace.StartAsync(
            o => { o.S3Storage = s3; o.DefaultRegion = MotoClients.Region; },
            async (uri, content) =>
            {
                using var stream = new MemoryStream(content);
                await s3.PutAsync(S3Location.Parse(uri), stream);
            });
        var project = await ws.CreateProjectAsync($"s3://{bucket}/sync");

        var recorded = await ws.Client.RunAndRecordJobAsync(LoopWorkspace.Spec(), DatabricksTask.SparkPython("s3://code/etl.py"), project.Id);

        Assert.True(recorded.IsSuccess, recorded.ToString());
        Assert.Equal(RunStatus.Succeeded, recorded.Value.Run.Status);
        Assert.NotNull(recorded.Value.PredictionId);
        var root = recorded.Value.Location.Root;
        Assert.StartsWith($"s3://{bucket}/sync/{project.Id}/", root, StringComparison.Ordinal);
        var submitted = ws.Emulator.Workspace.SubmittedCluster(recorded.Value.Status.RunId)!;
        Assert.Equal(root, submitted["cluster_log_conf"]!["s3"]!["destination"]!.GetValue<string>());
        Assert.Equal(MotoClients.Region, submitted["cluster_log_conf"]!["s3"]!["region"]!.GetValue<string>());

        var keys = (await s3.ListAsync(S3Location.Parse(root + "/"))).Select(o => o.Location.ToString()).ToList();
        Assert.Contains(root + "/cluster-spec.json", keys);
        Assert.Contains(root + "/run-submit.json", keys);
        Assert.Contains(root + "/cluster-report.json", keys);
        Assert.Contains(keys, k => k.StartsWith(recorded.Value.EventLogFolder!, StringComparison.Ordinal) && k.EndsWith("/eventlog", StringComparison.Ordinal));
        Assert.Contains(Directory.GetFiles(recorded.Value.Run.EventLogLocation!), f => f.EndsWith(".gz", StringComparison.Ordinal));
    }
}
