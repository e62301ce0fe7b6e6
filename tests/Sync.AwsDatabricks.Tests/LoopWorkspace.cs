using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.Databricks.Emulator;

namespace Sync.AwsDatabricks.Tests;

/// <summary>
/// The whole loop's parts: a workspace emulator on the real clock with compressed step times (a run takes about a
/// second), an embedded <see cref="SyncClient"/> on a temporary data directory, and a <see cref="DatabricksClient"/>
/// made with it. Disposed together (the directory is deleted).
/// </summary>
internal sealed class LoopWorkspace : IAsyncDisposable
{
    private LoopWorkspace(DatabricksEmulator emulator, string directory, SyncClient sync, DatabricksClientOptions options)
    {
        Emulator = emulator;
        Directory = directory;
        Sync = sync;
        Options = options;
        Client = new DatabricksClient(sync, options);
    }

    public DatabricksEmulator Emulator { get; }

    public string Directory { get; }

    public SyncClient Sync { get; }

    public DatabricksClientOptions Options { get; }

    public DatabricksClient Client { get; }

    public static async Task<LoopWorkspace> StartAsync(Action<DatabricksClientOptions>? configure = null, Func<string, byte[], Task>? s3Delivery = null, EmulatorClock? clock = null,
        SyncClient? sync = null)
    {
        var emulator = await DatabricksEmulator.StartAsync(new EmulatorOptions
        {
            S3Delivery = s3Delivery,
            Clock = clock ?? EmulatorClock.Real(),
            Timings = EmulatorTimings.Uniform(TimeSpan.FromMilliseconds(60)),
            EventLogs = [TestData.DatabricksEventLog],
            NodeTypeCatalog = Path.Combine(TestData.RepoRoot, "catalog", "aws-instances.json"),
        });
        var directory = Path.Combine(Path.GetTempPath(), "sync-dbx-loop-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        sync ??= new SyncClient(SyncClientOptions.Embedded(Path.Combine(directory, "sync")));
        var options = new DatabricksClientOptions
        {
            Host = emulator.BaseUri.ToString(),
            Token = emulator.Token,
            PollInterval = TimeSpan.FromMilliseconds(20),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 2,
            LogDeliveryTimeout = TimeSpan.FromSeconds(20),
            PredictionTimeout = TimeSpan.FromSeconds(60),
            Environment = _ => null,
            HomeDirectory = "/nonexistent",
        };
        configure?.Invoke(options);
        return new LoopWorkspace(emulator, directory, sync, options);
    }

    public async Task<Project> CreateProjectAsync(string? location = "dbfs:/sync-projects")
    {
        var created = await Sync.Projects.CreateAsync(new ProjectCreateOptions("nightly-etl") { ProductCode = "aws-databricks", ArtifactLocation = location });
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value;
    }

    /// <summary>The shared fixed-size spec without its own log delivery, so that Sync sets it.</summary>
    public static JsonObject Spec()
    {
        var spec = DatabricksWorkspace.FixedSpec();
        spec.Remove("cluster_log_conf");
        spec["custom_tags"] = new JsonObject { ["team"] = "data-eng" };
        spec["aws_attributes"]!["zone_id"] = "us-east-1a";
        return spec;
    }

    public string? DbfsText(string uri) => Emulator.Workspace.Dbfs.Read(uri) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sync.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the embedded store; the temp folder is cleaned later.
        }
    }
}
