using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.AwsEmr.Errors;
using Sync.AwsEmr.Reports;
using Sync.AwsEmr.Runs;
using Sync.AwsEmr.Specs;
using Sync.Clients.Aws.S3;

namespace Sync.AwsEmr;

/// <summary>Recording terminated clusters as runs.</summary>
public partial class EmrClient
{
    /// <summary>
    /// Records a terminated cluster as a run of its project: reads the cluster (its <c>sync:project-id</c> and
    /// <c>sync:run-id</c> tags, configuration, steps), finds the event log (<see cref="RecordRunAsync"/> looks in the
    /// project layout, else at the cluster's <c>spark.eventLog.dir</c>), stores the cluster report beside it
    /// (<see cref="RunArtifactLocation.ClusterReportLocation"/>, with the saved RunJobFlow request as its spec), copies
    /// the event log where the Sync backend can read it, records the run under the tagged run id, and creates its
    /// prediction. A cluster that terminated with errors, or whose steps failed, is recorded as
    /// <see cref="RunStatus.Failed"/> with the reason, and gets no prediction. Recording twice is harmless: the second
    /// time answers with the recorded run and <see cref="RecordedRun.AlreadyRecorded"/>.
    /// </summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="projectId">The project; the cluster's <c>sync:project-id</c> tag when <see langword="null"/>.</param>
    /// <param name="codeHash">The hash of the application's code (<see cref="CodeHash"/>), recorded with the run, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>
    /// The recorded run, or an error: <see cref="SyncErrorKind.NotReady"/> for a cluster still running,
    /// <see cref="SyncErrorKind.NotFound"/> for an unknown cluster or no event log (the message says where it looked),
    /// <see cref="SyncErrorKind.InvalidInput"/> when no project is given or tagged.
    /// </returns>
    public virtual async Task<Response<RecordedRun>> RecordRunAsync(string clusterId, string? projectId = null, string? codeHash = null,
        CancellationToken cancellationToken = default)
    {
        if (MissingClusterId<RecordedRun>(clusterId) is { } missing)
        {
            return missing;
        }

        var sync = Sync("RecordRunAsync");
        if (!sync.IsSuccess)
        {
            return sync.AsFailure<RecordedRun>();
        }

        var id = clusterId.Trim();
        try
        {
            return await RecordCoreAsync(sync.Value, id, projectId, codeHash, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EmrErrors.From(e, $"recording cluster {id}", NotFoundMessage(id), cancellationToken) is { } error)
        {
            return Response.FromError<RecordedRun>(error);
        }
    }

    /// <summary>
    /// Starts a cluster for a new run of the project (<see cref="RunJobFlowAsync(JsonObject, string?, CancellationToken)"/>),
    /// waits until it terminates (<see cref="WaitForClusterAsync"/>), then records it (<see cref="RecordRunAsync"/>).
    /// </summary>
    /// <param name="spec">The RunJobFlow request.</param>
    /// <param name="projectId">The project.</param>
    /// <param name="progress">Told the cluster's state as it changes; optional.</param>
    /// <param name="cancellationToken">Cancels the wait (the cluster keeps running).</param>
    /// <returns>The recorded run (failed when the cluster failed), or the first error.</returns>
    public virtual async Task<Response<RecordedRun>> RunAndRecordJobFlowAsync(JsonObject spec, string projectId, IProgress<EmrClusterStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var started = await RunJobFlowAsync(spec, projectId ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (!started.IsSuccess)
        {
            return started.AsFailure<RecordedRun>();
        }

        var ended = await WaitForClusterAsync(started.Value.ClusterId, progress, cancellationToken).ConfigureAwait(false);
        if (!ended.IsSuccess)
        {
            return Response.FromError<RecordedRun>(ended.Error! with { Message = $"Cluster {started.Value.ClusterId} was started: {ended.Error.Message}" });
        }

        var recorded = await RecordRunAsync(started.Value.ClusterId, projectId, null, cancellationToken).ConfigureAwait(false);
        return recorded.IsSuccess ? Response.FromValue(recorded.Value, [.. started.Warnings, .. recorded.Warnings]) : recorded;
    }

    private async Task<Response<RecordedRun>> RecordCoreAsync(SyncClient sync, string id, string? projectId, string? codeHash, CancellationToken cancellationToken)
    {
        var emr = Emr();
        var snapshot = await EmrClusterReportBuilder.ReadAsync(emr, id, cancellationToken).ConfigureAwait(false);
        var cluster = snapshot.Cluster;
        var status = EmrClusterStatus.From(cluster, id);
        if (!status.IsTerminated)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.NotReady,
                $"Cluster {id} is still {status.State}; a run is recorded once its cluster has terminated.",
                "Wait for it (sync-cli aws-emr run-job-flow --wait, EmrClient.WaitForClusterAsync), or terminate it when its steps are done.", "cluster-not-terminated"));
        }

        var warnings = new List<SyncWarning>();
        var taggedProject = Tag(cluster, RunJobFlowPreparation.ProjectTag);
        var runId = Tag(cluster, RunJobFlowPreparation.RunTag);
        var project = string.IsNullOrWhiteSpace(projectId) ? taggedProject : projectId.Trim();
        if (project is null)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Cluster {id} has no {RunJobFlowPreparation.ProjectTag} tag and no project was given.",
                "Pass the project it belongs to (--project, projectId), or start clusters with RunJobFlowAsync and a project.", "project-id-missing"));
        }

        if (taggedProject is not null && taggedProject != project)
        {
            warnings.Add(new SyncWarning("project-differs", $"Cluster {id} is tagged with project {taggedProject}; it is recorded in project {project} as asked."));
        }

        var projectResponse = await sync.Projects.GetAsync(project, cancellationToken).ConfigureAwait(false);
        if (!projectResponse.IsSuccess)
        {
            return projectResponse.AsFailure<RecordedRun>();
        }

        var s3 = S3();
        var search = await EventLogSearch.FindAsync(cluster, projectResponse.Value, runId, s3, cancellationToken).ConfigureAwait(false);
        var failure = RunOutcome.FailureReason(status, snapshot.Steps);
        var logObjects = search.EventLogDirectory is null
            ? []
            : (await s3.ListAsync(search.EventLogDirectory, cancellationToken).ConfigureAwait(false)).Where(o => !o.Location.Key.EndsWith('/')).ToList();
        if (logObjects.Count == 0 && failure is null)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.NotFound,
                $"No event log found for cluster {id}; looked at {string.Join(" and ", search.LookedAt)}.",
                "Check that the cluster's Spark steps ran and that spark.eventLog.dir points at S3 (RunJobFlowAsync with a project sets it).", "event-log-not-found"));
        }

        var built = _reports.Build(snapshot, emr.Region);
        warnings.AddRange(built.Warnings);
        var report = built.Report;
        if (search.Location is { } location && await ReadSpecAsync(s3, location, cancellationToken).ConfigureAwait(false) is { } saved)
        {
            report = report with { Spec = saved };
        }

        var reportJson = report.ToJson();
        string? reportLocation = null;
        if (search.Location is not null)
        {
            reportLocation = search.Location.ClusterReportLocation;
            await s3.PutTextAsync(S3Location.Parse(reportLocation), reportJson, "application/json", cancellationToken).ConfigureAwait(false);
        }

        var localLog = logObjects.Count == 0
            ? null
            : await DownloadEventLogAsync(sync, s3, search.EventLogDirectory!, logObjects, runId ?? id, warnings, cancellationToken).ConfigureAwait(false);
        var options = new RunCreateOptions(reportJson)
        {
            RunId = runId,
            Status = failure is null ? RunStatus.Succeeded : RunStatus.Failed,
            StatusMessage = failure,
            EventLogLocation = sync.Options.IsRemote ? search.EventLogDirectory?.ToString() : localLog,
            ProductCode = "aws-emr",
            CodeHash = codeHash,
            Runtime = report.Timeline.Terminated - report.Timeline.Requested,
        };
        var created = await sync.Runs.CreateAsync(project, options, cancellationToken).ConfigureAwait(false);
        var eventLog = logObjects.Count == 0 ? null : search.EventLogDirectory!.ToString();
        if (!created.IsSuccess)
        {
            if (created.Error!.Kind == SyncErrorKind.Conflict && runId is not null
                && await sync.Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } existing)
            {
                warnings.Add(new SyncWarning("already-recorded", $"Run {runId} of cluster {id} was already recorded; nothing was changed."));
                return Response.FromValue(new RecordedRun(id, existing.Value, true, null, eventLog, reportLocation), warnings);
            }

            return created.AsFailure<RecordedRun>();
        }

        string? predictionId = null;
        if (failure is null)
        {
            var prediction = await CreatePredictionAsync(sync, project, created.Value.Id, localLog, cancellationToken).ConfigureAwait(false);
            if (prediction.IsSuccess)
            {
                predictionId = prediction.Value.Id;
                warnings.AddRange(prediction.Warnings);
            }
            else
            {
                warnings.Add(new SyncWarning("prediction-not-created", $"The run was recorded but its prediction could not be created: {prediction.Error!.Message}"));
            }
        }

        return Response.FromValue(new RecordedRun(id, created.Value, false, predictionId, eventLog, reportLocation), warnings);
    }

    /// <summary>
    /// Copies the event log from S3 into the local cache (<see cref="EmrClientOptions.EventLogCacheDirectory"/>, else
    /// <c>runs/&lt;run id&gt;/eventlog/</c> in the embedded backend's directory) and returns the path of the log: the
    /// one file or folder under the prefix, or the newest when Spark wrote several.
    /// </summary>
    private async Task<string> DownloadEventLogAsync(SyncClient sync, S3Storage s3, S3Location directory, IReadOnlyList<S3ObjectInfo> objects, string runId,
        List<SyncWarning> warnings, CancellationToken cancellationToken)
    {
        var cache = _options.EventLogCacheDirectory
                    ?? (sync.Options.IsRemote ? Path.Combine(Path.GetTempPath(), "sync-emr-eventlogs") : Path.Combine(sync.Options.DataDirectory ?? SyncHome.Resolve(), "runs"));
        var target = Path.Combine(cache, runId, "eventlog");
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        await s3.DownloadAsync(directory, target, cancellationToken).ConfigureAwait(false);
        var logs = objects
            .GroupBy(o => o.Location.Key[directory.Key.Length..].TrimStart('/').Split('/')[0], StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(o => o.LastModified ?? DateTimeOffset.MinValue))
            .ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (logs.Count > 1)
        {
            warnings.Add(new SyncWarning("several-event-logs",
                $"{directory} holds {logs.Count} event logs ({string.Join(", ", logs.Select(l => l.Key))}); the newest, {logs[0].Key}, is recorded."));
        }

        return Path.Combine(target, logs[0].Key);
    }

    private static async Task<JsonObject?> ReadSpecAsync(S3Storage s3, RunArtifactLocation location, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await s3.OpenReadAsync(S3Location.Parse(location.File(RunJobFlowFileName)), cancellationToken).ConfigureAwait(false);
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (Exception e) when (e is Sync.Clients.Aws.AwsServiceException { ErrorCode: "NoSuchKey" } or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Tag(Sync.Clients.Aws.Emr.Model.Cluster cluster, string key) =>
        cluster.Tags?.FirstOrDefault(t => t.Key == key)?.Value is { Length: > 0 } value ? value : null;
}
