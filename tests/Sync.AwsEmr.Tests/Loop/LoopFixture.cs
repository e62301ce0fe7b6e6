using Amazon.S3;
using Amazon.S3.Model;
using Sync.Api;
using Sync.Api.Models;
using Sync.Clients.Aws;
using Sync.Engine.Recommendations;
using Sync.Tests.Support;

namespace Sync.AwsEmr.Tests.Loop;

/// <summary>
/// What one test of the run-and-record loop needs: a fresh bucket in moto's S3, an embedded Sync backend in a temporary
/// Sync directory, a project whose artifacts go to the bucket, and an <see cref="EmrClient"/> over both. Dispose it at
/// the end of the test.
/// </summary>
internal sealed class LoopFixture : IAsyncDisposable
{
    public const string EventLogName = "join_agg_on_yarn_eventlog.zstd";

    private LoopFixture(MotoServer moto, string bucket, DirectoryInfo home, SyncClient sync, Project project, EmrClient client)
    {
        Moto = moto;
        Bucket = bucket;
        Home = home;
        Sync = sync;
        Project = project;
        Client = client;
    }

    public MotoServer Moto { get; }

    public string Bucket { get; }

    public DirectoryInfo Home { get; }

    public SyncClient Sync { get; }

    public Project Project { get; }

    public EmrClient Client { get; }

    /// <summary>A real EMR event log (Spark 3.3.0-amzn-0 on YARN, 5 jobs, 43.7 s; ../shared/data/PROVENANCE.md).</summary>
    public static string EventLogPath => Path.Combine(RepoPaths.SharedData, "eventlogs", "spark-rapids-tools", "user_tools-e2e-event_logs", EventLogName);

    public const string Spec = """
        {
          "Name": "nightly-join", "ReleaseLabel": "emr-6.10.0",
          "Applications": [ { "Name": "Spark" } ],
          "Instances": {
            "KeepJobFlowAliveWhenNoSteps": false,
            "InstanceGroups": [
              { "Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1 },
              { "Name": "Core", "InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 4 }
            ]
          },
          "Steps": [ { "Name": "join", "ActionOnFailure": "TERMINATE_CLUSTER",
                       "HadoopJarStep": { "Jar": "command-runner.jar", "Args": [ "spark-submit", "s3://code/join.py" ] } } ],
          "Configurations": [ { "Classification": "spark-defaults", "Properties": { "spark.executor.cores": "3", "spark.executor.memory": "4g" } } ],
          "Tags": [ { "Key": "team", "Value": "data" } ],
          "JobFlowRole": "EMR_EC2_DefaultRole", "ServiceRole": "EMR_DefaultRole"
        }
        """;

    /// <param name="sync">The Sync client to use (a remote server's); an embedded one in a temporary Sync directory when <see langword="null"/>.</param>
    public static async Task<LoopFixture> CreateAsync(MotoServer moto, HttpMessageHandler? transport = null, string? artifactLocation = null, Action<EmrClientOptions>? configure = null,
        SyncClient? sync = null)
    {
        var bucket = "sync-loop-" + Guid.NewGuid().ToString("N")[..10];
        using (var admin = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region }))
        {
            await admin.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }

        var home = Directory.CreateTempSubdirectory("sync-emr-loop-");
        sync ??= new SyncClient(new SyncClientOptions { DataDirectory = home.FullName, PollInterval = TimeSpan.FromMilliseconds(50) });
        var project = await sync.Projects.CreateAsync(new ProjectCreateOptions("nightly-join")
        {
            ProductCode = "aws-emr", ArtifactLocation = artifactLocation ?? $"s3://{bucket}/projects", Preference = Preference.Balanced,
        });
        var options = new EmrClientOptions
        {
            Region = MotoClients.Region,
            Credentials = MotoServer.Credentials,
            ServiceUrl = moto.Url,
            Transport = transport,
            Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10) },
            ClusterPollInterval = TimeSpan.FromMilliseconds(100),
            ClusterWaitTimeout = TimeSpan.FromSeconds(30),
            PredictionWaitTimeout = TimeSpan.FromMinutes(2),
            EventLogCacheDirectory = Path.Combine(home.FullName, "eventlogs"),
        };
        configure?.Invoke(options);
        var client = new EmrClient(sync, options);
        return new LoopFixture(moto, bucket, home, sync, project.Value, client);
    }

    /// <summary>Plays the cluster's part: Spark writes its event log to <paramref name="eventLogDirectory"/>.</summary>
    public async Task WriteEventLogAsync(string eventLogDirectory)
    {
        using var s3 = MotoClients.S3(Moto);
        await using var content = File.OpenRead(EventLogPath);
        await s3.PutAsync(global::Sync.Clients.Aws.S3.S3Location.Parse(eventLogDirectory).Combine(EventLogName), content);
    }

    /// <summary>Plays the cluster's part: its steps are done and it terminates.</summary>
    public async Task TerminateAsync(string clusterId)
    {
        using var emr = MotoClients.Emr(Moto);
        await emr.TerminateJobFlowsAsync([clusterId]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sync.DisposeAsync();
        try
        {
            Home.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
