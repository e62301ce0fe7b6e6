using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>
/// What <see cref="PredictionsClient.CreateAsync"/> predicts from: a recorded run (<see cref="RunId"/>), or an event log
/// (<see cref="EventLogPath"/>, <see cref="EventLogStream"/> or <see cref="EventLogUrl"/>) with its cluster report.
/// </summary>
public sealed class PredictionCreateOptions
{
    /// <summary>A local event log (file, <c>eventlog_v2_*</c> directory, Databricks log folder or archive). The embedded
    /// backend reads it in place; the remote backend uploads it (a file or archive; not a directory).</summary>
    public string? EventLogPath { get; set; }

    /// <summary>An event log to upload from a stream (read once, never held whole in memory); see <see cref="EventLogFileName"/>.</summary>
    public Stream? EventLogStream { get; set; }

    /// <summary>The name of the uploaded log's file (defaults to <c>eventlog</c>).</summary>
    public string? EventLogFileName { get; set; }

    /// <summary>A location the service itself reads the event log from.</summary>
    public string? EventLogUrl { get; set; }

    /// <summary>The run's cluster report as JSON text (docs/cluster-report.md); or see <see cref="ClusterReportPath"/>.</summary>
    public string? ClusterReportJson { get; set; }

    /// <summary>A file holding the run's cluster report.</summary>
    public string? ClusterReportPath { get; set; }

    /// <summary>A recorded run to predict from; its event log and report are used when not given here.</summary>
    public string? RunId { get; set; }

    /// <summary>The project to file the prediction under.</summary>
    public string? ProjectId { get; set; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>; taken from the report when not set.</summary>
    public string? ProductCode { get; set; }

    /// <summary>The preferred solution; the project's, or balanced, when not set.</summary>
    public Preference? Preference { get; set; }

    /// <summary>The deadline: economy becomes the cheapest solution within it.</summary>
    public TimeSpan? Sla { get; set; }

    /// <summary>The hash of the code the prediction is for (see <see cref="CodeHash"/>); a warning comes back when it differs from the basis run's.</summary>
    public string? CodeHash { get; set; }
}
