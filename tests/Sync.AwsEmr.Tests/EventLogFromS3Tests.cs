using Sync.Clients.Aws.S3;
using Sync.Engine.EventLogs;
using Sync.Engine.EventLogs.Sources;
using Sync.Tests.Support;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;

namespace Sync.AwsEmr.Tests;

/// <summary>
/// A real rolling, zstd-compressed event log written to a run's <c>eventlog/</c> prefix in moto's S3, as a cluster
/// would, comes back through <see cref="S3Storage.DownloadAsync"/> into the engine's reader unchanged.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class EventLogFromS3Tests(MotoServer moto)
{
    [Fact]
    public async Task A_rolling_event_log_on_s3_reads_the_same_as_from_disk()
    {
        var local = Path.Combine(RepoPaths.SharedData, "eventlogs", "spark-rapids-tools", "spark-events-qualification", "eventlog_v2_local-1623876083964");
        var bucket = "sync-eventlogs-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = new Amazon.S3.AmazonS3Client(MotoServer.Credentials, new Amazon.S3.AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region }))
        {
            await admin.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }

        using var s3 = MotoClients.S3(moto);
        var eventLogDir = await s3.CreateFolderAsync(new S3Location(bucket, "p-1/20261126T010000Z/r-1/eventlog"));
        foreach (var file in Directory.GetFiles(local))
        {
            await using var content = File.OpenRead(file);
            await s3.PutAsync(eventLogDir.Combine($"eventlog_v2_local-1623876083964/{Path.GetFileName(file)}"), content);
        }

        var target = Directory.CreateTempSubdirectory("sync-eventlog-");
        try
        {
            var files = await s3.DownloadAsync(eventLogDir, target.FullName);
            Assert.Equal(3, files.Count);

            var fromS3 = await EventLogReader.ReadAsync(EventLogSource.FromPath(Path.Combine(target.FullName, "eventlog_v2_local-1623876083964")));
            var fromDisk = await EventLogReader.ReadAsync(local);

            Assert.Equal(fromDisk.Info, fromS3.Info);
            Assert.True(fromS3.Tasks.Count > 0);
            Assert.Equal(fromDisk.Tasks.Count, fromS3.Tasks.Count);
            Assert.Equal(fromDisk.Jobs.Count, fromS3.Jobs.Count);
            Assert.Equal(fromDisk.EndTimeMs, fromS3.EndTimeMs);
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }
}
