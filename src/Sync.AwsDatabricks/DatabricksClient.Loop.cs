using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.AwsDatabricks.Artifacts;
using Sync.AwsDatabricks.ClusterSpecs;
using Sync.AwsDatabricks.Runs;
using Sync.Clients.Databricks;
using Sync.Clients.Databricks.Models;
using Run = Sync.Clients.Databricks.Models.Run;
using Sync.Engine.Clusters;
using Sync.Engine.Recommendations;

namespace Sync.AwsDatabricks;

/// <summary>The run-and-record loop: start a job with what a prediction needs, record it, predict, start the next run.</summary>
public partial class DatabricksClient
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly SyncClient? _sync;

    /// <summary>
    /// Creates a client that records runs and makes predictions through <paramref name="sync"/> (embedded or remote).
    /// Credentials are resolved at the first call, so a missing token is an error of that call.
    /// </summary>
    /// <param name="sync">The Sync client runs are recorded with.</param>
    /// <param name="options">Host, token, profile, retries, polling, deadlines; defaults when <see langword="null"/>.</param>
    public DatabricksClient(SyncClient sync, DatabricksClientOptions? options = null)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(sync);
        _sync = sync;
    }

    /// <summary>
    /// Submits a one-time run (<c>jobs/runs/submit</c>) of <paramref name="task"/> on a new cluster made from
    /// <paramref name="clusterSpec"/>. With a project (the argument, else the Sync client's default project) the spec
    /// gets the <c>custom_tags</c> <see cref="ClusterSpecPreparation.ProjectIdTag"/> and
    /// <see cref="ClusterSpecPreparation.RunIdTag"/> and a <c>cluster_log_conf</c> delivering to the run's folder
    /// (<see cref="RunArtifactLocation"/>, on DBFS or S3), keeping the user's own settings; the spec as given
    /// (<c>cluster-spec.json</c>) and the request sent (<c>run-submit.json</c>) are saved in that folder; the run id is
    /// the idempotency token, so a retried submit never starts a second run.
    /// </summary>
    /// <param name="clusterSpec">A Clusters API create spec (the <c>new_cluster</c> object).</param>
    /// <param name="task">What to run.</param>
    /// <param name="projectId">The Sync project; the client's default project when <see langword="null"/>; without either the spec is submitted as given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started run, or an error: InvalidInput (spec fields, project location), NotFound (project), Authentication, Network, Service.</returns>
    public virtual Task<Response<StartedRun>> RunJobAsync(JsonObject clusterSpec, DatabricksTask task, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusterSpec);
        ArgumentNullException.ThrowIfNull(task);
        return Call(rest => RunJobAsync(rest, clusterSpec, task, projectId, cancellationToken), cancellationToken);
    }

    /// <summary>Submits a one-time run of a cluster spec given as JSON text; see <see cref="RunJobAsync(JsonObject, DatabricksTask, string?, CancellationToken)"/>.</summary>
    /// <param name="clusterSpecJson">The Clusters API create spec as JSON.</param>
    /// <param name="task">What to run.</param>
    /// <param name="projectId">The Sync project.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started run, or an error (InvalidInput for JSON that is not a spec, naming the line or field).</returns>
    public virtual Task<Response<StartedRun>> RunJobAsync(string clusterSpecJson, DatabricksTask task, string? projectId = null, CancellationToken cancellationToken = default)
    {
        var spec = ParseSpec(clusterSpecJson);
        return spec.IsSuccess ? RunJobAsync(spec.Value, task, projectId, cancellationToken) : Task.FromResult(spec.AsFailure<StartedRun>());
    }

    /// <summary>
    /// <see cref="RunJobAsync(JsonObject, DatabricksTask, string?, CancellationToken)"/>, then waits for the run to end
    /// (reporting each change of state), then <see cref="RecordRunAsync"/>. Cancelling stops the wait, not the run: the
    /// error names the run so that it can be recorded later.
    /// </summary>
    /// <param name="clusterSpec">A Clusters API create spec.</param>
    /// <param name="task">What to run.</param>
    /// <param name="projectId">The Sync project (required here, or the client's default project).</param>
    /// <param name="progress">Receives the run's status whenever it changes.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The recorded run (a failed run is recorded as failed with its state message), or an error.</returns>
    public virtual async Task<Response<RecordedRun>> RunAndRecordJobAsync(JsonObject clusterSpec, DatabricksTask task, string? projectId = null,
        IProgress<DatabricksRunStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        if (NoSync<RecordedRun>() is { } missing)
        {
            return missing;
        }

        if ((projectId ?? _sync!.Options.DefaultProjectId) is null)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.InvalidInput, "Recording a run needs a project.",
                "Pass a project id, or set a default project (sync-cli configure --project-id).", "project-required"));
        }

        var started = await RunJobAsync(clusterSpec, task, projectId, cancellationToken).ConfigureAwait(false);
        if (!started.IsSuccess)
        {
            return started.AsFailure<RecordedRun>();
        }

        var waited = await WaitForRunAsync(started.Value.RunId, progress, cancellationToken).ConfigureAwait(false);
        if (!waited.IsSuccess)
        {
            var error = waited.Error!;
            return Response.FromError<RecordedRun>(error with
            {
                Message = $"{error.Message} Run {started.Value.RunId} (Sync run {started.Value.SyncRunId}) keeps going in the workspace.",
                Hint = $"Record it once it has finished: RecordRunAsync({started.Value.RunId}) (sync-cli databricks record-run {started.Value.RunId}).",
            });
        }

        var recorded = await RecordRunAsync(started.Value.RunId, projectId, cancellationToken).ConfigureAwait(false);
        return recorded.IsSuccess ? Response.FromValue(recorded.Value, [.. started.Warnings, .. recorded.Warnings]) : recorded;
    }

    /// <summary>
    /// Records a finished run: reads the <c>sync:project-id</c>/<c>sync:run-id</c> tags of its cluster, builds the
    /// cluster report (stored at <see cref="RunArtifactLocation.ClusterReportLocation"/>), waits until the event log is
    /// delivered to the cluster's log destination (up to <see cref="DatabricksClientOptions.LogDeliveryTimeout"/>),
    /// copies it where the prediction service reads it, records the run under the tagged id and creates its prediction.
    /// A run that failed (result FAILED, TIMEDOUT, CANCELED, or an abnormal cluster termination) is recorded as failed
    /// with its state message and no prediction. Recording a run again changes nothing and says so.
    /// </summary>
    /// <param name="runId">The Databricks run id.</param>
    /// <param name="projectId">The project, when the cluster carries no <c>sync:project-id</c> tag.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recorded run, or an error: NotReady (still going), NotFound (run, project), Timeout (logs never delivered), InvalidInput, Authentication, Network, Service.</returns>
    public virtual Task<Response<RecordedRun>> RecordRunAsync(long runId, string? projectId = null, CancellationToken cancellationToken = default) =>
        NoSync<RecordedRun>() is { } missing ? Task.FromResult(missing) : Call(rest => RecordAsync(rest, runId, projectId, cancellationToken), cancellationToken);

    /// <summary>Predicts from a project's latest successful run (or <paramref name="runId"/>) and waits for the prediction (up to <see cref="DatabricksClientOptions.PredictionTimeout"/>).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="runId">A recorded run of it to predict from; the latest successful one when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished prediction (check its status), or an error.</returns>
    public virtual async Task<Response<Prediction>> CreateProjectPredictionAsync(string projectId, string? runId = null, CancellationToken cancellationToken = default)
    {
        if (NoSync<Prediction>() is { } missing)
        {
            return missing;
        }

        var created = await _sync!.Predictions.CreateAsync(new PredictionCreateOptions { ProjectId = projectId, RunId = runId }, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            return created;
        }

        var done = await _sync.Predictions.WaitForPredictionAsync(created.Value.Id, _options.PredictionTimeout, null, cancellationToken).ConfigureAwait(false);
        return done.IsSuccess ? Response.FromValue(done.Value, [.. created.Warnings, .. done.Warnings]) : done;
    }

    /// <summary>
    /// Starts the next run with a prediction's configuration: the solution for <paramref name="preference"/> (the
    /// prediction's own when <see langword="null"/>) is applied onto the basis run's cluster spec
    /// (<see cref="RecommendedClusterSpec.Apply"/>: node type, workers or autoscale range, Spark conf), which is prepared
    /// again for a new run of the project and submitted. A <c>code-hash-changed</c> warning comes back when the task's
    /// code differs from the basis run's.
    /// </summary>
    /// <param name="predictionId">The prediction.</param>
    /// <param name="preference">Which solution to run.</param>
    /// <param name="task">What to run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started run, or an error: NotFound, NotReady (prediction not finished), InvalidInput, Authentication, Network, Service.</returns>
    public virtual Task<Response<StartedRun>> RunPredictionAsync(string predictionId, Preference? preference, DatabricksTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return NoSync<StartedRun>() is { } missing ? Task.FromResult(missing) : Call(async rest =>
        {
            var prediction = await _sync!.Predictions.GetAsync(predictionId, preference, cancellationToken).ConfigureAwait(false);
            return prediction.IsSuccess ? await RunPredictionAsync(rest, prediction.Value, preference, task, cancellationToken).ConfigureAwait(false) : prediction.AsFailure<StartedRun>();
        }, cancellationToken);
    }

    /// <summary>Starts the next run of a project with its latest successful prediction; see <see cref="RunPredictionAsync(string, Preference?, DatabricksTask, CancellationToken)"/>.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="preference">Which solution to run; the prediction's own when <see langword="null"/>.</param>
    /// <param name="task">What to run.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The started run, or an error (NotFound when the project has no successful prediction).</returns>
    public virtual Task<Response<StartedRun>> RunProjectPredictionAsync(string projectId, Preference? preference, DatabricksTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        return NoSync<StartedRun>() is { } missing ? Task.FromResult(missing) : Call(async rest =>
        {
            // Predictions are listed newest first: the first successful one is the latest.
            var list = await _sync!.Predictions.ListAsync(new PredictionListOptions { ProjectId = projectId, Status = PredictionStatus.Success, Limit = 1 }, cancellationToken)
                .ConfigureAwait(false);
            if (!list.IsSuccess)
            {
                return list.AsFailure<StartedRun>();
            }

            var latest = list.Value.FirstOrDefault();
            if (latest is null)
            {
                return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.NotFound, $"Project {projectId} has no successful prediction yet.",
                    "Record a successful run of it first (RecordRunAsync / sync-cli databricks record-run), or create one (create-prediction).", "no-prediction"));
            }

            var full = await _sync.Predictions.GetAsync(latest.Id, preference, cancellationToken).ConfigureAwait(false);
            return full.IsSuccess ? await RunPredictionAsync(rest, full.Value, preference, task, cancellationToken).ConfigureAwait(false) : full.AsFailure<StartedRun>();
        }, cancellationToken);
    }

    private async Task<Response<StartedRun>> RunJobAsync(DatabricksRestClient rest, JsonObject spec, DatabricksTask task, string? projectId, CancellationToken cancellationToken)
    {
        var problems = ClusterSpecPreparation.Validate(spec);
        if (problems.Count > 0)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"The cluster spec is not valid: {string.Join("; ", problems.Select(p => p.Message))}.",
                "Fix the named fields; the Databricks Clusters API reference lists each field.", "invalid-cluster-spec"));
        }

        projectId ??= _sync?.Options.DefaultProjectId;
        if (projectId is null)
        {
            var plain = RunSubmission.SingleTask("sync-cli run", "main", spec, task.ToJson(), Guid.NewGuid().ToString());
            var id = await rest.SubmitRunAsync(plain, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(new StartedRun(id, null, null, null, (JsonObject)spec.DeepClone()),
                [new SyncWarning("no-project", "The run belongs to no project: its cluster is not tagged and its logs are not delivered for Sync, so it cannot be recorded.")]);
        }

        if (NoSync<StartedRun>() is { } missing)
        {
            return missing;
        }

        var project = await _sync!.Projects.GetAsync(projectId, cancellationToken).ConfigureAwait(false);
        if (!project.IsSuccess)
        {
            return project.AsFailure<StartedRun>();
        }

        var location = RunArtifactLocation.ForNewRun(project.Value);
        if (!location.IsSuccess)
        {
            return location.AsFailure<StartedRun>();
        }

        var store = Store(rest);
        var root = location.Value.Root;
        if (store.Check(root, $"Project {projectId}'s location") is { } unsupported)
        {
            return Response.FromError<StartedRun>(unsupported);
        }

        var destination = RunArtifactStore.IsDbfs(root) ? ClusterLogDestination.Dbfs(root) : ClusterLogDestination.S3(root, _options.DefaultRegion);
        var prepared = ClusterSpecPreparation.Prepare(spec, projectId, location.Value.RunId, destination);
        if (!prepared.IsSuccess)
        {
            return prepared.AsFailure<StartedRun>();
        }

        var request = RunSubmission.SingleTask($"sync {project.Value.Name} {location.Value.RunId}", "main", prepared.Value.Spec, task.ToJson(), location.Value.RunId);
        await store.WriteTextAsync(location.Value.File("cluster-spec.json"), spec.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        await store.WriteTextAsync(location.Value.File("run-submit.json"), request.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
        var runId = await rest.SubmitRunAsync(request, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new StartedRun(runId, location.Value.RunId, projectId, location.Value, prepared.Value.Spec), prepared.Warnings);
    }

    private async Task<Response<RecordedRun>> RecordAsync(DatabricksRestClient rest, long runId, string? projectId, CancellationToken cancellationToken)
    {
        var run = await rest.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        var status = Status(run);
        if (!run.State.IsFinal)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.NotReady,
                $"Run {runId} is still {run.State.LifeCycleState}; a run is recorded once it has finished.",
                $"Wait for it (sync-cli databricks run-job --wait, or WaitForRunAsync) and record it then.", "run-not-finished"));
        }

        if (run.ClusterId is not { } clusterId)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.NotFound,
                $"Run {runId} ended ({run.State.ResultState}: {run.State.StateMessage}) before it had a cluster, so there is nothing to record.", null, "no-cluster"));
        }

        var cluster = await rest.GetClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var tags = cluster.CustomTags ?? [];
        var taggedProject = tags.GetValueOrDefault(ClusterSpecPreparation.ProjectIdTag);
        var taggedRun = tags.GetValueOrDefault(ClusterSpecPreparation.RunIdTag);
        if (projectId is not null && taggedProject is not null && projectId != taggedProject)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Run {runId}'s cluster is tagged for project {taggedProject}, not {projectId}.", "Leave the project out; it is read from the cluster's tags.", "project-mismatch"));
        }

        projectId = taggedProject ?? projectId ?? _sync!.Options.DefaultProjectId;
        if (projectId is null)
        {
            return Response.FromError<RecordedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Run {runId}'s cluster has no {ClusterSpecPreparation.ProjectIdTag} tag, so its project is not known.",
                "Pass the project (--project), or start runs with RunJobAsync / sync-cli databricks run-job --project.", "project-required"));
        }

        if (taggedRun is not null)
        {
            var existing = await _sync!.Runs.GetAsync(taggedRun, cancellationToken).ConfigureAwait(false);
            if (existing.IsSuccess)
            {
                return await AlreadyRecordedAsync(existing.Value, status, cluster, cancellationToken).ConfigureAwait(false);
            }
        }

        var project = await _sync!.Projects.GetAsync(projectId, cancellationToken).ConfigureAwait(false);
        if (!project.IsSuccess)
        {
            return project.AsFailure<RecordedRun>();
        }

        var logDestination = cluster.ClusterLogConf is { } conf
            ? ClusterSpecPreparation.UserLogDestination(new JsonObject { ["cluster_log_conf"] = conf.DeepClone() })
            : null;
        var syncRunId = taggedRun ?? Guid.CreateVersion7().ToString();
        RunArtifactLocation location;
        if (taggedRun is not null && RunArtifactLocation.TryParse(logDestination?.Uri, projectId, taggedRun, out var parsed))
        {
            location = parsed;
        }
        else
        {
            var fresh = RunArtifactLocation.ForNewRun(project.Value);
            if (!fresh.IsSuccess)
            {
                return fresh.AsFailure<RecordedRun>();
            }

            var started = status.StartTime ?? DateTimeOffset.UtcNow;
            location = RunArtifactLocation.Create(project.Value.ArtifactLocation!, projectId, started, syncRunId);
        }

        var store = Store(rest);
        var warnings = new List<SyncWarning>();
        var report = await ReportAsync(rest, clusterId, run, cancellationToken).ConfigureAwait(false);
        if (!report.IsSuccess)
        {
            return report.AsFailure<RecordedRun>();
        }

        warnings.AddRange(report.Warnings);
        var userSpec = await UserSpecAsync(store, location, run, logDestination, cancellationToken).ConfigureAwait(false);
        var reportJson = (report.Value with { Spec = userSpec }).ToJson();

        var failure = FailureMessage(run, cluster);
        string? folder = null;
        string? eventLogLocation = null;
        if (failure is null && logDestination is null)
        {
            warnings.Add(new SyncWarning("no-log-delivery", $"Cluster {clusterId} had no cluster_log_conf, so there is no event log: the run is recorded without one and nothing is predicted."));
        }
        else if (failure is null)
        {
            var delivered = await WaitForEventLogAsync(rest, store, logDestination!.Uri, clusterId, DateTimeOffset.UtcNow + _options.LogDeliveryTimeout, cancellationToken).ConfigureAwait(false);
            if (!delivered.IsSuccess)
            {
                return delivered.AsFailure<RecordedRun>();
            }

            warnings.AddRange(delivered.Warnings);
            folder = delivered.Value.Folder;
            var local = Path.Combine(_options.EventLogDownloadDirectory ?? Path.Combine(_sync.Options.DataDirectory ?? SyncHome.Resolve(), "runs"), syncRunId, "eventlog");
            if (Directory.Exists(local))
            {
                Directory.Delete(local, recursive: true);
            }

            await store.DownloadFolderAsync(folder, delivered.Value.Files.Select(f => f.Name), local, cancellationToken).ConfigureAwait(false);
            eventLogLocation = _sync.Options.IsRemote ? folder : local;
        }
        else if (logDestination is not null)
        {
            folder = $"{logDestination.Uri.TrimEnd('/')}/{clusterId}/eventlog";
            eventLogLocation = folder;
        }

        await store.WriteTextAsync(location.ClusterReportLocation, reportJson, cancellationToken).ConfigureAwait(false);
        var codeHash = run.Raw["tasks"] is JsonArray { Count: > 0 } tasks && tasks[0] is JsonObject first && DatabricksTask.FromRunTask(first) is { } task
            ? await CodeHashAsync(rest, task, cancellationToken).ConfigureAwait(false)
            : null;
        var created = await _sync.Runs.CreateAsync(projectId, new RunCreateOptions(reportJson)
        {
            RunId = syncRunId,
            Status = failure is null ? RunStatus.Succeeded : RunStatus.Failed,
            StatusMessage = failure,
            EventLogLocation = eventLogLocation,
            ProductCode = "aws-databricks",
            CodeHash = codeHash,
            Runtime = status is { StartTime: { } s, EndTime: { } e } && e > s ? e - s : null,
        }, cancellationToken).ConfigureAwait(false);
        if (!created.IsSuccess)
        {
            if (created.Error!.Kind == SyncErrorKind.Conflict && await _sync.Runs.GetAsync(syncRunId, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } again)
            {
                return await AlreadyRecordedAsync(again.Value, status, cluster, cancellationToken).ConfigureAwait(false);
            }

            return created.AsFailure<RecordedRun>();
        }

        string? predictionId = null;
        if (failure is null && eventLogLocation is not null)
        {
            var options = new PredictionCreateOptions { ProjectId = projectId, RunId = syncRunId };
            if (_sync.Options.IsRemote)
            {
                // A remote service cannot read DBFS or S3 logs itself: upload the copy as one archive.
                var local = Path.Combine(_options.EventLogDownloadDirectory ?? Path.Combine(_sync.Options.DataDirectory ?? SyncHome.Resolve(), "runs"), syncRunId);
                var archive = Path.Combine(local, "eventlog.zip");
                File.Delete(archive);
                ZipFile.CreateFromDirectory(Path.Combine(local, "eventlog"), archive);
                options.EventLogPath = archive;
            }

            var prediction = await _sync.Predictions.CreateAsync(options, cancellationToken).ConfigureAwait(false);
            if (prediction.IsSuccess)
            {
                predictionId = prediction.Value.Id;
                warnings.AddRange(prediction.Warnings);
            }
            else
            {
                warnings.Add(new SyncWarning("prediction-not-created", $"The run is recorded, but its prediction was not created: {prediction.Error!.Message}"));
            }
        }

        return Response.FromValue(new RecordedRun(created.Value, status, location, folder, predictionId, false), warnings);
    }

    private async Task<Response<RecordedRun>> AlreadyRecordedAsync(Sync.Api.Models.Run existing, DatabricksRunStatus status, ClusterDetails cluster, CancellationToken cancellationToken)
    {
        var predictions = await _sync!.Predictions.ListAsync(new PredictionListOptions { ProjectId = existing.ProjectId }, cancellationToken).ConfigureAwait(false);
        var predictionId = predictions.IsSuccess ? predictions.Value.Where(p => p.RunId == existing.Id).OrderByDescending(p => p.CreatedAt).FirstOrDefault()?.Id : null;
        var destination = cluster.ClusterLogConf is { } conf ? ClusterSpecPreparation.UserLogDestination(new JsonObject { ["cluster_log_conf"] = conf.DeepClone() }) : null;
        var location = RunArtifactLocation.TryParse(destination?.Uri, existing.ProjectId, existing.Id, out var parsed)
            ? parsed
            : RunArtifactLocation.Create("unknown", existing.ProjectId, existing.CreatedAt, existing.Id);
        return Response.FromValue(new RecordedRun(existing, status, location, null, predictionId, true),
            [new SyncWarning("already-recorded", $"Run {status.RunId} was already recorded as Sync run {existing.Id} ({existing.Status}); nothing was changed.")]);
    }

    private async Task<Response<StartedRun>> RunPredictionAsync(DatabricksRestClient rest, Prediction prediction, Preference? preference, DatabricksTask task, CancellationToken cancellationToken)
    {
        if (prediction.Status != PredictionStatus.Success)
        {
            return Response.FromError<StartedRun>(prediction.Status == PredictionStatus.Failure
                ? new SyncError(SyncErrorKind.InvalidInput, $"Prediction {prediction.Id} failed: {prediction.Error?.Message}", "Retry it (sync-cli predictions retry) or record another run.", "prediction-failed")
                : new SyncError(SyncErrorKind.NotReady, $"Prediction {prediction.Id} is {prediction.Status}; a run can be started from it once it has succeeded.", "Wait for it (sync-cli predictions wait).", "prediction-not-ready"));
        }

        var name = (preference ?? prediction.Preference).ToString().ToLowerInvariant();
        var solution = preference is null ? prediction.Recommended : prediction.Solutions.GetValueOrDefault(name);
        if (solution?.PlatformConfigurationJson is not { } recommended)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Prediction {prediction.Id} has no {name} configuration to run (solutions: {string.Join(", ", prediction.Solutions.Keys)}).", null, "no-configuration"));
        }

        var warnings = new List<SyncWarning>();
        Sync.Api.Models.Run? basisRun = null;
        if (prediction.RunId is { } basisId)
        {
            var fetched = await _sync!.Runs.GetAsync(basisId, cancellationToken).ConfigureAwait(false);
            basisRun = fetched.IsSuccess ? fetched.Value : null;
        }

        var basisSpec = basisRun is null ? null : ClusterReport.Parse(basisRun.ClusterReportJson, $"run {basisRun.Id}'s cluster report").Spec;
        if (basisSpec is null)
        {
            warnings.Add(new SyncWarning("no-basis-spec", "The basis run's cluster spec is not known; the prediction's configuration is submitted as it is."));
            basisSpec = JsonNode.Parse(recommended) as JsonObject ?? [];
        }

        var spec = RecommendedClusterSpec.Apply(basisSpec, recommended);
        if (!spec.IsSuccess)
        {
            return spec.AsFailure<StartedRun>();
        }

        var projectId = prediction.ProjectId ?? basisRun?.ProjectId;
        if (projectId is null)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Prediction {prediction.Id} belongs to no project, so the new run has nowhere to keep its logs.", "Create predictions in a project.", "project-required"));
        }

        var started = await RunJobAsync(rest, spec.Value, task, projectId, cancellationToken).ConfigureAwait(false);
        if (!started.IsSuccess)
        {
            return started;
        }

        warnings.AddRange(started.Warnings);
        var hash = await CodeHashAsync(rest, task, cancellationToken).ConfigureAwait(false);
        if (hash is not null && basisRun?.CodeHash is { } basisHash && hash != basisHash)
        {
            warnings.Add(new SyncWarning("code-hash-changed",
                $"The code ({task.CodeFile}) differs from the basis run's ({basisHash[..Math.Min(15, basisHash.Length)]}… → {hash[..15]}…): the prediction may not hold for it."));
        }

        return Response.FromValue(started.Value, warnings);
    }

    /// <summary>The user's spec of a recorded run: <c>cluster-spec.json</c> in its folder, else the task's <c>new_cluster</c> without what Sync added.</summary>
    private static async Task<JsonObject?> UserSpecAsync(RunArtifactStore store, RunArtifactLocation location, Run run, ClusterLogDestination? destination, CancellationToken cancellationToken)
    {
        var saved = await store.TryReadTextAsync(location.File("cluster-spec.json"), cancellationToken).ConfigureAwait(false);
        if (saved is not null && ParseSpec(saved) is { IsSuccess: true } spec)
        {
            return spec.Value;
        }

        var submitted = run.Tasks?.Select(t => t.NewCluster).FirstOrDefault(c => c is not null);
        var syncDestination = destination is not null && destination.Uri.TrimEnd('/') == location.Root ? destination.Uri : null;
        return submitted is null ? null : RecommendedClusterSpec.UserSpec(submitted, syncDestination);
    }

    private static string? FailureMessage(Run run, ClusterDetails cluster)
    {
        if (run.State.ResultState != "SUCCESS")
        {
            return $"{run.State.ResultState ?? run.State.LifeCycleState}: {run.State.StateMessage}".TrimEnd(' ', ':');
        }

        return cluster.TerminationReason is { Type: { } type } reason && type != "SUCCESS"
            ? $"The cluster terminated with {reason.Code} ({type})."
            : null;
    }

    private async Task<string?> CodeHashAsync(DatabricksRestClient rest, DatabricksTask task, CancellationToken cancellationToken)
    {
        if (task.CodeHash is not null || task.CodeFile is not { } file || !RunArtifactStore.IsDbfs(file))
        {
            return task.CodeHash;
        }

        try
        {
            await using var stream = rest.OpenDbfsRead(file);
            return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
        catch (DatabricksApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private static Response<JsonObject> ParseSpec(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) is JsonObject spec
                ? Response.FromValue(spec)
                : Response.FromError<JsonObject>(new SyncError(SyncErrorKind.InvalidInput, "The cluster spec must be a JSON object.", null, "invalid-cluster-spec"));
        }
        catch (JsonException e)
        {
            return Response.FromError<JsonObject>(new SyncError(SyncErrorKind.InvalidInput,
                $"The cluster spec is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).",
                "Pass a clusters create spec as a JSON object, as in the Databricks Clusters API.", "invalid-cluster-spec"));
        }
    }

    private Response<T>? NoSync<T>() => _sync is not null ? null : Response.FromError<T>(new SyncError(SyncErrorKind.InvalidInput,
        "This DatabricksClient was made without a SyncClient, so it cannot record runs or use predictions.",
        "Create it with new DatabricksClient(syncClient, options).", "sync-client-required"));
}
