namespace Sync.Databricks.Emulator;

/// <summary>How long each lifecycle step of a submitted run and its job cluster takes in emulator time.</summary>
public sealed record EmulatorTimings
{
    /// <summary>PENDING: cluster creation until the cluster is RUNNING.</summary>
    public TimeSpan ClusterStart { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>RUNNING: the task's execution.</summary>
    public TimeSpan Execution { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After RUNNING starts, when an autoscaling cluster asks for its maximum (RESIZING) …</summary>
    public TimeSpan UpsizeRequested { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>… and when the new workers are there (UPSIZE_COMPLETED).</summary>
    public TimeSpan UpsizeCompleted { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>TERMINATING: tear-down until TERMINATED.</summary>
    public TimeSpan Terminating { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>After TERMINATED, when the event log is complete at the log destination (rotated parts arrive halfway).</summary>
    public TimeSpan LogDelivery { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every step scaled to <paramref name="step"/> (for fast tests on the real clock).</summary>
    /// <param name="step">The duration of one step.</param>
    public static EmulatorTimings Uniform(TimeSpan step) => new()
    {
        ClusterStart = step,
        Execution = step * 4,
        UpsizeRequested = step,
        UpsizeCompleted = step * 2,
        Terminating = step,
        LogDelivery = step * 2,
    };
}
