using System.Text.Json;
using Amazon.S3;
using PutBucketRequest = Amazon.S3.Model.PutBucketRequest;
using Sync.Api;
using Sync.Api.Models;
using Sync.Clients.Aws.S3;
using Sync.Tests.Support;

namespace Sync.Cli.Tests.AwsEmr;

/// <summary>
/// <c>sync-cli aws-emr</c> as real processes against moto_server (EMR and S3) and the embedded store: run-job-flow with
/// a project, the test plays the cluster, record-run, run-project-prediction; and a clear error for an unknown cluster.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class AwsEmrCommandTests(MotoServer moto) : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "sync-cli-emr-tests", Guid.NewGuid().ToString("N"));

    private Task<(int ExitCode, string Out, string Error)> Cli(params string[] args)
    {
        var credentials = MotoServer.Credentials.GetCredentials();
        return CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["SYNC_HOME"] = _home,
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey,
            ["AWS_SESSION_TOKEN"] = credentials.Token,
            ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = null,
        }, [.. args, "--endpoint-url", moto.Url.ToString(), "--region", MotoClients.Region]);
    }

    private async Task<JsonElement> Json(params string[] args)
    {
        var (exit, stdout, stderr) = await Cli([.. args, "--output", "json"]);
        Assert.True(exit == 0, $"sync-cli {string.Join(' ', args)} exited {exit}: {stderr}");
        AssertNoSecrets(stdout + stderr);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Run_job_flow_record_run_and_run_project_prediction_as_processes()
    {
        var bucket = "sync-cli-" + Guid.NewGuid().ToString("N")[..10];
        using (var admin = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region }))
        {
            await admin.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }

        string projectId;
        await using (var sync = new SyncClient(SyncClientOptions.Embedded(_home)))
        {
            projectId = (await sync.Projects.CreateAsync(new ProjectCreateOptions("cli-emr") { ProductCode = "aws-emr", ArtifactLocation = $"s3://{bucket}/p" })).Value.Id;
        }

        await SmallCatalog.WriteAsync(_home, "m5.xlarge", "m5.2xlarge", "c5.xlarge", "r5.xlarge");
        var spec = Path.Combine(_home, "spec.json");
        await File.WriteAllTextAsync(spec, """
            { "Name": "cli-run", "ReleaseLabel": "emr-6.10.0",
              "Instances": { "InstanceGroups": [ { "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1 },
                                                 { "InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 4 } ] } }
            """);

        var started = await Json("aws-emr", "run-job-flow", spec, "--project", projectId);
        var clusterId = started.GetProperty("clusterId").GetString()!;
        var eventLogDirectory = started.GetProperty("eventLogDirectory").GetString()!;
        Assert.StartsWith($"s3://{bucket}/p/{projectId}/", eventLogDirectory);

        // The test plays the cluster: Spark writes its event log, the cluster terminates.
        using (var s3 = MotoClients.S3(moto))
        await using (var log = File.OpenRead(Path.Combine(RepoPaths.SharedData, "eventlogs", "spark-rapids-tools", "user_tools-e2e-event_logs", "join_agg_on_yarn_eventlog.zstd")))
        {
            await s3.PutAsync(S3Location.Parse(eventLogDirectory).Combine("join_agg_on_yarn_eventlog.zstd"), log);
        }

        using (var emr = MotoClients.Emr(moto))
        {
            await emr.TerminateJobFlowsAsync([clusterId]);
        }

        var recorded = await Json("aws-emr", "record-run", clusterId);
        Assert.Equal("succeeded", recorded.GetProperty("status").GetString());
        Assert.Equal(started.GetProperty("runId").GetString(), recorded.GetProperty("run").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(recorded.GetProperty("predictionId").GetString()));

        var next = await Json("aws-emr", "run-project-prediction", projectId);
        var nextCluster = next.GetProperty("clusterId").GetString()!;
        Assert.NotEqual(clusterId, nextCluster);
        using (var emr = MotoClients.Emr(moto))
        {
            var tags = (await emr.DescribeClusterAsync(nextCluster)).Tags!;
            Assert.Contains(tags, t => t.Key == "sync:run-id" && t.Value == next.GetProperty("runId").GetString());
            var core = (await emr.ListInstanceGroupsAsync(nextCluster)).Single(g => g.InstanceGroupType == "CORE");
            var spec2 = next.GetProperty("runJobFlow").GetProperty("Instances").GetProperty("InstanceGroups").EnumerateArray().Single(g => g.GetProperty("InstanceRole").GetString() == "CORE");
            Assert.Equal((spec2.GetProperty("InstanceType").GetString(), spec2.GetProperty("InstanceCount").GetInt32()), (core.InstanceType, core.RequestedInstanceCount!.Value));
        }
    }

    [Fact]
    public async Task An_unknown_cluster_is_a_clear_error_with_exit_code_2()
    {
        var (exit, stdout, stderr) = await Cli("aws-emr", "record-run", "j-NOSUCHCLUSTER", "--project", "00000000-0000-0000-0000-000000000000");

        Assert.True(exit == 2, $"exit {exit}: {stdout}{stderr}");
        Assert.Equal("", stdout);
        Assert.Contains("error: Cluster j-NOSUCHCLUSTER was not found in us-east-1", stderr);
        Assert.Contains("hint:", stderr);
        AssertNoSecrets(stderr);
    }

    [Fact]
    public async Task Doctor_reports_credentials_region_sts_emr_and_the_default_project_s_s3_location()
    {
        var bucket = "sync-doctor-" + Guid.NewGuid().ToString("N")[..10];
        using (var admin = new AmazonS3Client(MotoServer.Credentials, new AmazonS3Config { ServiceURL = moto.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = MotoClients.Region }))
        {
            await admin.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        }

        string projectId;
        await using (var sync = new SyncClient(SyncClientOptions.Embedded(_home)))
        {
            projectId = (await sync.Projects.CreateAsync(new ProjectCreateOptions("doctor") { ProductCode = "aws-emr", ArtifactLocation = $"s3://{bucket}/runs" })).Value.Id;
        }

        var credentials = MotoServer.Credentials.GetCredentials();
        var (_, stdout, stderr) = await CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?>
        {
            ["SYNC_HOME"] = _home,
            ["SYNC_PROJECT_ID"] = projectId,
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey,
            ["AWS_SESSION_TOKEN"] = credentials.Token,
            ["AWS_REGION"] = MotoClients.Region,
            ["AWS_ENDPOINT_URL"] = moto.Url.ToString(),
            ["AWS_PROFILE"] = null,
        }, "doctor", "--output", "json");

        AssertNoSecrets(stdout + stderr);
        using var document = JsonDocument.Parse(stdout);
        var lines = document.RootElement.EnumerateArray().ToDictionary(l => l.GetProperty("check").GetString()!, l => (Status: l.GetProperty("status").GetString(), Message: l.GetProperty("message").GetString()!));
        Assert.Equal("OK", lines["aws-creds"].Status);
        Assert.Contains("environment variables", lines["aws-creds"].Message);
        Assert.DoesNotContain(credentials.AccessKey, lines["aws-creds"].Message);
        Assert.Equal(("OK", true), (lines["aws-region"].Status, lines["aws-region"].Message.Contains("us-east-1", StringComparison.Ordinal)));
        Assert.Equal("OK", lines["aws-sts"].Status);
        Assert.Contains("arn:aws:", lines["aws-sts"].Message);
        Assert.Equal("OK", lines["aws-emr"].Status);
        Assert.Equal("OK", lines["aws-s3"].Status);
        Assert.Contains($"s3://{bucket}/runs/{projectId}/", lines["aws-s3"].Message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void AssertNoSecrets(string text)
    {
        var credentials = MotoServer.Credentials.GetCredentials();
        Assert.DoesNotContain(credentials.SecretKey, text);
        Assert.DoesNotContain(credentials.Token, text);
    }
}
