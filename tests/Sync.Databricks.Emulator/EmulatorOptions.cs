namespace Sync.Databricks.Emulator;

/// <summary>How an emulated workspace behaves: accepted tokens, clock, step durations, event logs to deliver.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The personal access tokens the workspace accepts.</summary>
    public IReadOnlyList<string> Tokens { get; init; } = ["dapi-emulator-0123456789abcdef"];

    /// <summary>The clock; <see cref="EmulatorClock.Manual"/> lets a test drive time.</summary>
    public EmulatorClock Clock { get; init; } = EmulatorClock.Real();

    /// <summary>Lifecycle step durations.</summary>
    public EmulatorTimings Timings { get; init; } = new();

    /// <summary>Real Databricks event logs (plain, gzip or zip) delivered after runs: the one recorded on the spec's worker node type, else the first.</summary>
    public IReadOnlyList<string> EventLogs { get; init; } = [];

    /// <summary>Into how many rotated parts a delivered log is split (the last is the live <c>eventlog</c>).</summary>
    public int EventLogParts { get; init; } = 3;

    /// <summary>
    /// An instance catalog (<c>catalog/aws-instances.json</c>): every instance type it gives a Databricks DBU rate is
    /// listed as a node type too, as a real workspace lists every type Databricks supports (the built-in list holds 11).
    /// </summary>
    public string? NodeTypeCatalog { get; init; }

    /// <summary>
    /// Writes a delivered log file to S3 (its <c>s3://</c> URI and bytes), for clusters whose <c>cluster_log_conf</c> is
    /// on S3: tests point it at moto. Without it, S3 destinations get no logs.
    /// </summary>
    public Func<string, byte[], Task>? S3Delivery { get; init; }

    /// <summary>Availability zone reported for clusters whose spec does not set <c>aws_attributes.zone_id</c>.</summary>
    public string ZoneId { get; init; } = "us-east-1c";

    /// <summary>The user name the runs and clusters are created by.</summary>
    public string UserName { get; init; } = "someone@example.com";
}
