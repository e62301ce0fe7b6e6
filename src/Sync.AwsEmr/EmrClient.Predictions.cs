using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.AwsEmr.Errors;
using Sync.AwsEmr.Runs;
using Sync.AwsEmr.Specs;
using Sync.Clients.Aws.S3;
using Sync.Engine.Clusters;
using Sync.Engine.Recommendations;

namespace Sync.AwsEmr;

/// <summary>Predictions of a project's runs, and starting the next run with one.</summary>
public partial class EmrClient
{
    /// <summary>
    /// Creates a prediction from a recorded run of the project: <paramref name="runId"/>, or the project's latest
    /// successful run. With a remote Sync server the run's event log is copied from S3 and uploaded.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="runId">The run to predict from, or <see langword="null"/> for the project's latest successful run.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The new prediction (usually still pending; see <see cref="PredictionsClient.WaitForPredictionAsync"/>), or the error.</returns>
    public virtual async Task<Response<Prediction>> CreateProjectPredictionAsync(string projectId, string? runId = null, CancellationToken cancellationToken = default)
    {
        var project = await ProjectAsync(projectId, "CreateProjectPredictionAsync", cancellationToken).ConfigureAwait(false);
        if (!project.IsSuccess)
        {
            return project.AsFailure<Prediction>();
        }

        var sync = _sync!;
        var run = await BasisRunAsync(sync, project.Value.Id, runId, cancellationToken).ConfigureAwait(false);
        if (!run.IsSuccess)
        {
            return run.AsFailure<Prediction>();
        }

        if (!sync.Options.IsRemote)
        {
            return await sync.Predictions.CreateAsync(new PredictionCreateOptions { ProjectId = project.Value.Id, RunId = run.Value.Id }, cancellationToken).ConfigureAwait(false);
        }

        // A remote server cannot read S3: upload the basis run's event log.

        if (!S3Location.TryParse(run.Value.EventLogLocation, out var directory))
        {
            return Response.FromError<Prediction>(new SyncError(SyncErrorKind.InvalidInput,
                $"Run {run.Value.Id} has no event log on S3 to upload to the Sync server.", "Record the run with RecordRunAsync (sync-cli aws-emr record-run).", "event-log-not-found"));
        }

        try
        {
            var objects = (await S3().ListAsync(directory, cancellationToken).ConfigureAwait(false)).Where(o => !o.Location.Key.EndsWith('/')).ToList();
            if (objects.Count == 0)
            {
                return Response.FromError<Prediction>(new SyncError(SyncErrorKind.NotFound, $"No event log found at {directory} for run {run.Value.Id}.", null, "event-log-not-found"));
            }

            var warnings = new List<SyncWarning>();
            var local = await DownloadEventLogAsync(sync, S3(), directory, objects, run.Value.Id, warnings, cancellationToken).ConfigureAwait(false);
            return await CreatePredictionAsync(sync, project.Value.Id, run.Value.Id, local, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (EmrErrors.From(e, $"reading the event log of run {run.Value.Id}", $"The event log of run {run.Value.Id} was not found", cancellationToken) is { } error)
        {
            return Response.FromError<Prediction>(error);
        }
    }

    /// <summary>
    /// Starts the next run with a prediction's solution: the solution's RunJobFlow request (its instance groups or
    /// fleets and Spark settings) is applied onto the basis run's saved request, prepared again for a new run of the
    /// prediction's project (new run id, tags, event logging) and started.
    /// </summary>
    /// <param name="predictionId">A successful prediction of a project.</param>
    /// <param name="preference">The solution to start; the prediction's own preference when <see langword="null"/>.</param>
    /// <param name="codeHash">The hash of the code the next run will use (<see cref="CodeHash"/>); a <c>code-hash-changed</c> warning comes back when it differs from the basis run's.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The started run, with the prediction's warnings (such as a code-hash change); or the error.</returns>
    public virtual async Task<Response<StartedRun>> RunPredictionAsync(string predictionId, Preference? preference = null, string? codeHash = null,
        CancellationToken cancellationToken = default)
    {
        var sync = Sync("RunPredictionAsync");
        if (!sync.IsSuccess)
        {
            return sync.AsFailure<StartedRun>();
        }

        var got = await sync.Value.Predictions.GetAsync(predictionId, null, cancellationToken).ConfigureAwait(false);
        if (!got.IsSuccess)
        {
            return got.AsFailure<StartedRun>();
        }

        var prediction = got.Value;
        if (prediction.Status != PredictionStatus.Success)
        {
            return Response.FromError<StartedRun>(prediction.Status == PredictionStatus.Failure
                ? new SyncError(SyncErrorKind.InvalidInput, $"Prediction {prediction.Id} failed: {prediction.Error?.Message}", "Retry it (sync-cli predictions retry) or predict again.", "prediction-failed")
                : new SyncError(SyncErrorKind.NotReady, $"Prediction {prediction.Id} is still {prediction.Status}.", "Wait for it (sync-cli predictions wait).", "prediction-not-ready"));
        }

        var name = (preference ?? prediction.Preference).ToString().ToLowerInvariant();
        var solution = preference is null ? prediction.Recommended : prediction.Solutions.GetValueOrDefault(name);
        if (solution?.PlatformConfigurationJson is not { } platformJson || JsonNode.Parse(platformJson) is not JsonObject platform)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Prediction {prediction.Id} has no {name} solution with a RunJobFlow request.",
                $"Pick one of: {string.Join(", ", prediction.Solutions.Where(s => s.Value.PlatformConfigurationJson is not null).Select(s => s.Key))}.", "solution-missing"));
        }

        if (prediction.ProjectId is not { } projectId)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Prediction {prediction.Id} belongs to no project, so its next run has nowhere to keep its event log.",
                "Predict from a project's run (CreateProjectPredictionAsync, sync-cli aws-emr create-prediction).", "project-id-missing"));
        }

        var project = await sync.Value.Projects.GetAsync(projectId, cancellationToken).ConfigureAwait(false);
        if (!project.IsSuccess)
        {
            return project.AsFailure<StartedRun>();
        }

        var warnings = prediction.Warnings.ToList();
        JsonObject? basis = null;
        try
        {
            if (prediction.RunId is { } basisRunId && await sync.Value.Runs.GetAsync(basisRunId, cancellationToken).ConfigureAwait(false) is { IsSuccess: true } run)
            {
                basis = await BasisSpecAsync(run.Value, project.Value, cancellationToken).ConfigureAwait(false);
                if (codeHash is not null && run.Value.CodeHash is { } before && !string.Equals(before, codeHash, StringComparison.OrdinalIgnoreCase))
                {
                    warnings.Add(new SyncWarning("code-hash-changed",
                        $"The code ({codeHash}) differs from the basis run's ({before}); the prediction may not hold for it."));
                }
            }
        }
        catch (Exception e) when (EmrErrors.From(e, $"reading the basis run of prediction {prediction.Id}", "The basis run's request was not found", cancellationToken) is { } error)
        {
            return Response.FromError<StartedRun>(error);
        }

        if (basis is null)
        {
            warnings.Add(new SyncWarning("basis-spec-missing",
                $"The basis run's RunJobFlow request was not found; the {name} solution's request is started as the prediction wrote it."));
        }

        var spec = PredictionSpec.Apply(basis, platform, $"{project.Value.ArtifactLocation?.TrimEnd('/')}/{project.Value.Id}");
        return await StartForProjectAsync(spec, project.Value, warnings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the next run of a project with its latest successful prediction (<see cref="RunPredictionAsync"/>); when
    /// the project has none, waits for its newest prediction if that one is still pending or running, else creates one
    /// from its latest successful run (<see cref="CreateProjectPredictionAsync"/>) and waits for it
    /// (<see cref="EmrClientOptions.PredictionWaitTimeout"/>).
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="preference">The solution to start; the prediction's preference when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls and the wait.</param>
    /// <returns>The started run, or the error.</returns>
    public virtual async Task<Response<StartedRun>> RunProjectPredictionAsync(string projectId, Preference? preference = null, CancellationToken cancellationToken = default)
    {
        var project = await ProjectAsync(projectId, "RunProjectPredictionAsync", cancellationToken).ConfigureAwait(false);
        if (!project.IsSuccess)
        {
            return project.AsFailure<StartedRun>();
        }

        var sync = _sync!;
        var latest = await sync.Predictions.ListAsync(new PredictionListOptions { ProjectId = project.Value.Id, Status = PredictionStatus.Success, Limit = 1 }, cancellationToken)
            .ConfigureAwait(false);
        if (!latest.IsSuccess)
        {
            return latest.AsFailure<StartedRun>();
        }

        var predictionId = latest.Value.FirstOrDefault()?.Id;
        if (predictionId is null)
        {
            // A prediction still going (e.g. the one RecordRunAsync created) is waited for rather than made again.
            var newest = await sync.Predictions.ListAsync(new PredictionListOptions { ProjectId = project.Value.Id, Limit = 1 }, cancellationToken).ConfigureAwait(false);
            var pending = newest.IsSuccess ? newest.Value.FirstOrDefault(p => p.Status is PredictionStatus.Pending or PredictionStatus.Running)?.Id : null;
            if (pending is null)
            {
                var created = await CreateProjectPredictionAsync(project.Value.Id, null, cancellationToken).ConfigureAwait(false);
                if (!created.IsSuccess)
                {
                    return created.AsFailure<StartedRun>();
                }

                pending = created.Value.Id;
            }

            var finished = await sync.Predictions.WaitForPredictionAsync(pending, _options.PredictionWaitTimeout, null, cancellationToken).ConfigureAwait(false);
            if (!finished.IsSuccess)
            {
                return finished.AsFailure<StartedRun>();
            }

            predictionId = finished.Value.Id;
        }

        return await RunPredictionAsync(predictionId, preference, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the prediction of a recorded run: by run id for the embedded backend, with the event log uploaded for a remote server.</summary>
    private static Task<Response<Prediction>> CreatePredictionAsync(SyncClient sync, string projectId, string runId, string? localEventLog, CancellationToken cancellationToken) =>
        sync.Predictions.CreateAsync(new PredictionCreateOptions
        {
            ProjectId = projectId,
            RunId = runId,
            EventLogPath = sync.Options.IsRemote ? localEventLog : null,
        }, cancellationToken);

    /// <summary>The run to predict from: the given one, or the project's latest successful run.</summary>
    private static async Task<Response<Run>> BasisRunAsync(SyncClient sync, string projectId, string? runId, CancellationToken cancellationToken)
    {
        if (runId is not null)
        {
            return await sync.Runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        var runs = await sync.Runs.ListAsync(projectId, cancellationToken).ConfigureAwait(false);
        if (!runs.IsSuccess)
        {
            return runs.AsFailure<Run>();
        }

        return runs.Value.LastOrDefault(r => r.Status == RunStatus.Succeeded) is { } latest
            ? Response.FromValue(latest)
            : Response.FromError<Run>(new SyncError(SyncErrorKind.NotFound, $"Project {projectId} has no successful run to predict from.",
                "Record one first (sync-cli aws-emr record-run).", "run-not-found"));
    }

    /// <summary>The basis run's saved RunJobFlow request: from its folder on S3 (found through the report's <c>spark.eventLog.dir</c>), else the report's spec.</summary>
    private async Task<JsonObject?> BasisSpecAsync(Run run, Project project, CancellationToken cancellationToken)
    {
        ClusterReport report;
        try
        {
            report = ClusterReport.Parse(run.ClusterReportJson, $"the report of run {run.Id}");
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var dir = report.SparkConf?.GetValueOrDefault("spark.eventLog.dir");
        if (RunArtifactLocation.TryParse(dir, project.Id, run.Id, out var location) && S3Location.TryParse(location.Root, out _)
            && await ReadSpecAsync(S3(), location, cancellationToken).ConfigureAwait(false) is { } saved)
        {
            return saved;
        }

        return report.Spec;
    }
}
