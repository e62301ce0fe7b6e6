using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sync.Api.Models;

/// <summary>
/// Where one run of a project keeps its artifacts, the layout the EMR and Databricks integrations share:
/// <c>&lt;project location&gt;/&lt;project id&gt;/&lt;UTC start, yyyyMMddTHHmmssZ&gt;/&lt;run id&gt;/</c>, with the event log
/// under <see cref="EventLogDirectory"/>, the cluster report at <see cref="ClusterReportLocation"/> and the request that
/// started the run beside them (<see cref="File"/>). The project location is a URL (<c>s3://…</c>, <c>dbfs:/…</c>) or a
/// local directory (<see cref="Project.ArtifactLocation"/>).
/// </summary>
public sealed record RunArtifactLocation
{
    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string EventLogFolder = "eventlog";

    private RunArtifactLocation(string projectLocation, string projectId, DateTimeOffset startedAt, string runId)
    {
        ProjectLocation = projectLocation;
        ProjectId = projectId;
        StartedAt = startedAt;
        RunId = runId;
    }

    /// <summary>The project's artifact location, without a trailing slash.</summary>
    public string ProjectLocation { get; }

    /// <summary>The project's id.</summary>
    public string ProjectId { get; }

    /// <summary>When the run was started (UTC, whole seconds).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The run's id: the <c>sync:run-id</c> tag of its cluster and the id it is recorded under (<see cref="RunCreateOptions.RunId"/>).</summary>
    public string RunId { get; }

    /// <summary>The run's folder, without a trailing slash.</summary>
    public string Root => $"{ProjectLocation}/{ProjectId}/{StartedAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)}/{RunId}";

    /// <summary>The folder Spark writes the run's event log to, with a trailing slash.</summary>
    public string EventLogDirectory => $"{Root}/{EventLogFolder}/";

    /// <summary>Where the run's cluster report is stored.</summary>
    public string ClusterReportLocation => File("cluster-report.json");

    /// <summary>A file in the run's folder, such as the request that started it.</summary>
    /// <param name="name">The file's name.</param>
    /// <returns>Its location.</returns>
    public string File(string name) => $"{Root}/{name}";

    /// <summary>The location of a new run of <paramref name="project"/>: a new time-ordered run id, started now.</summary>
    /// <param name="project">The project; its <see cref="Project.ArtifactLocation"/> is required.</param>
    /// <param name="clock">The clock (the system's when <see langword="null"/>).</param>
    /// <returns>The location, or an <see cref="SyncErrorKind.InvalidInput"/> error when the project has no artifact location.</returns>
    public static Response<RunArtifactLocation> ForNewRun(Project project, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (string.IsNullOrWhiteSpace(project.ArtifactLocation))
        {
            return Response.FromError<RunArtifactLocation>(new SyncError(SyncErrorKind.InvalidInput,
                $"Project '{project.Name}' ({project.Id}) has no artifact location, so its runs have nowhere to keep their event logs.",
                "Set one with `sync-cli projects update <id> --location s3://bucket/prefix` (or dbfs:/… for Databricks).", "project-location-missing"));
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        return Response.FromValue(Create(project.ArtifactLocation, project.Id, now, Guid.CreateVersion7(now).ToString()));
    }

    /// <summary>The location of a run whose parts are known.</summary>
    /// <param name="projectLocation">The project's artifact location.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="startedAt">When the run started (truncated to whole seconds, UTC).</param>
    /// <param name="runId">The run's id.</param>
    /// <returns>The location.</returns>
    public static RunArtifactLocation Create(string projectLocation, string projectId, DateTimeOffset startedAt, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectLocation);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var utc = startedAt.ToUniversalTime();
        var seconds = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new RunArtifactLocation(projectLocation.TrimEnd('/'), projectId, seconds, runId);
    }

    /// <summary>
    /// Recovers a run's location from a path inside it, such as the <c>spark.eventLog.dir</c> read back from a cluster's
    /// configuration or a cluster log destination: the path must contain <c>/&lt;project id&gt;/&lt;timestamp&gt;/&lt;run id&gt;</c>.
    /// </summary>
    /// <param name="path">A path inside the run's folder (or the folder itself).</param>
    /// <param name="projectId">The project's id (from the cluster's <c>sync:project-id</c> tag).</param>
    /// <param name="runId">The run's id (from the cluster's <c>sync:run-id</c> tag).</param>
    /// <param name="location">The location when found.</param>
    /// <returns>Whether <paramref name="path"/> lies in that run's folder.</returns>
    public static bool TryParse(string? path, string projectId, string runId, [NotNullWhen(true)] out RunArtifactLocation? location)
    {
        location = null;
        if (string.IsNullOrWhiteSpace(path) || string.IsNullOrWhiteSpace(projectId) || string.IsNullOrWhiteSpace(runId))
        {
            return false;
        }

        var segments = path.TrimEnd('/').Split('/');
        for (var i = segments.Length - 1; i >= 3; i--)
        {
            if (segments[i] == runId && segments[i - 2] == projectId
                && DateTime.TryParseExact(segments[i - 1], TimestampFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started))
            {
                var projectLocation = string.Join('/', segments, 0, i - 2);
                location = new RunArtifactLocation(projectLocation, projectId, new DateTimeOffset(started, TimeSpan.Zero), runId);
                return true;
            }
        }

        return false;
    }
}
