using Sync.Clients.Aws.S3;
using Sync.Engine.Catalog;

namespace Sync.AwsDatabricks;

/// <summary>
/// How a <see cref="DatabricksClient"/> reaches the workspace. Host and token left unset come from
/// <c>DATABRICKS_HOST</c>/<c>DATABRICKS_TOKEN</c> or a profile of <c>~/.databrickscfg</c> (Databricks unified auth);
/// <see cref="ToString"/> never shows the token.
/// </summary>
public class DatabricksClientOptions
{
    /// <summary>The workspace URL (overrides the environment and the profile).</summary>
    public string? Host { get; set; }

    /// <summary>A personal access token (overrides the environment and the profile).</summary>
    public string? Token { get; set; }

    /// <summary>The profile of the configuration file to use (like <c>--profile</c>); <c>DEFAULT</c> when unset.</summary>
    public string? Profile { get; set; }

    /// <summary>The configuration file; <c>DATABRICKS_CONFIG_FILE</c> or <c>~/.databrickscfg</c> when unset.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>How many times a throttled (429), failing (5xx) or unreachable request is retried.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first backoff delay when the answer has no <c>Retry-After</c>; it doubles with each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Time limit of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often runs and log destinations are polled while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long <see cref="DatabricksClient.WaitForRunAsync"/> waits before giving up.</summary>
    public TimeSpan RunWaitTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long <see cref="DatabricksClient.RecordRunAsync"/> waits for a finished run's event log to be delivered to its
    /// log destination (Databricks delivers logs minutes after the cluster ends) before failing with a Timeout error.
    /// </summary>
    public TimeSpan LogDeliveryTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long <see cref="DatabricksClient.CreateProjectPredictionAsync"/> waits for the prediction to finish.</summary>
    public TimeSpan PredictionTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>S3 access for projects whose location is on S3 (logs delivered to <c>s3://…</c>); DBFS needs none.</summary>
    public S3Storage? S3Storage { get; set; }

    /// <summary>
    /// Where recorded runs' event logs are copied for the prediction service to read
    /// (<c>&lt;folder&gt;/&lt;run id&gt;/eventlog/</c>); <c>runs/</c> in the Sync client's data directory (or the
    /// Sync directory, <see cref="Sync.Engine.SyncDirectory"/>) when unset.
    /// </summary>
    public string? EventLogDownloadDirectory { get; set; }

    /// <summary>The region assumed when a cluster's zone is <c>auto</c> or unset.</summary>
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>The instance catalog for node types' prices and DBU rates; the engine's built-in one when unset.</summary>
    public InstanceCatalog? Catalog { get; set; }

    /// <summary>Receives diagnostics (retries, failures); never the token.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>Where environment variables are read (tests replace it).</summary>
    internal Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The home directory holding <c>.databrickscfg</c> (tests replace it).</summary>
    internal string HomeDirectory { get; set; } = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

    /// <inheritdoc/>
    public override string ToString() =>
        $"Databricks host={Host ?? "(environment/profile)"}, token={(Token is null ? "(environment/profile)" : "***")}, profile={Profile ?? "-"}, configFile={ConfigFile ?? "-"}";
}
