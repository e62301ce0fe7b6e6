using Amazon.Runtime;
using Sync.Clients.Aws;
using Sync.Engine.Catalog;

namespace Sync.AwsEmr;

/// <summary>Settings of an <see cref="EmrClient"/>: where and as whom to call AWS, and how hard to retry.</summary>
public sealed class EmrClientOptions
{
    /// <summary>The AWS region; when <see langword="null"/>, the profile's or the SDK's default (<c>AWS_REGION</c>, …).</summary>
    public string? Region { get; set; }

    /// <summary>A profile of the shared AWS config/credentials files; when <see langword="null"/>, the SDK's default credential chain.</summary>
    public string? Profile { get; set; }

    /// <summary>Credentials to use instead of <see cref="Profile"/> and the default chain (for example from your own provider).</summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>An endpoint for EMR and S3 instead of AWS's, for emulators such as moto (<c>http://127.0.0.1:5000/</c>).</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Retries of throttling, 5xx answers and network failures (default: 3 attempts, as the SDK's standard mode).</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The instance catalog that checks instance types; the engine's built-in one when <see langword="null"/>.</summary>
    public InstanceCatalog? Catalog { get; set; }

    /// <summary>The HTTP handler EMR requests go through (proxies, tests), or <see langword="null"/>. Not disposed by the client.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Receives one line per retried EMR call (never secrets), or <see langword="null"/>.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>How often <see cref="EmrClient.WaitForClusterAsync"/> asks EMR for the cluster's state (default 30 seconds).</summary>
    public TimeSpan ClusterPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="EmrClient.WaitForClusterAsync"/> waits at most; <see langword="null"/> (the default) waits until cancelled.</summary>
    public TimeSpan? ClusterWaitTimeout { get; set; }

    /// <summary>How long <see cref="EmrClient.RunProjectPredictionAsync"/> waits for a prediction it had to create (default 30 minutes).</summary>
    public TimeSpan PredictionWaitTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Where <see cref="EmrClient.RecordRunAsync"/> copies event logs from S3 so the Sync backend can read them; when
    /// <see langword="null"/>, <c>runs/</c> in the embedded backend's directory (a temporary directory for a remote server).
    /// </summary>
    public string? EventLogCacheDirectory { get; set; }
}
