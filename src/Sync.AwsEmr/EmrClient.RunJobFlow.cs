using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;
using Sync.Api.Models;
using Sync.AwsEmr.Errors;
using Sync.AwsEmr.Runs;
using Sync.AwsEmr.Specs;
using Sync.Clients.Aws.S3;

namespace Sync.AwsEmr;

/// <summary>Starting clusters and waiting for them to end.</summary>
public partial class EmrClient
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The name of the file in a run's folder that holds the RunJobFlow request that started it.</summary>
    public const string RunJobFlowFileName = "run-job-flow.json";

    /// <summary>Starts a cluster from a RunJobFlow request given as JSON text (as in the EMR API reference).</summary>
    /// <param name="specJson">The request.</param>
    /// <param name="projectId">The Sync project the run belongs to, or <see langword="null"/> to start the request as it is.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The started run, or the error (malformed JSON naming the line, a member problem naming the member, …).</returns>
    /// <seealso cref="RunJobFlowAsync(JsonObject, string?, CancellationToken)"/>
    public virtual Task<Response<StartedRun>> RunJobFlowAsync(string specJson, string? projectId = null, CancellationToken cancellationToken = default)
    {
        var parsed = RunJobFlowPreparation.Parse(specJson ?? string.Empty);
        return parsed.IsSuccess ? RunJobFlowAsync(parsed.Value, projectId, cancellationToken) : Task.FromResult(parsed.AsFailure<StartedRun>());
    }

    /// <summary>
    /// Starts a cluster from a RunJobFlow request. With a project, a new run location is chosen
    /// (<see cref="RunArtifactLocation.ForNewRun"/>), the request is prepared for it
    /// (<see cref="RunJobFlowPreparation.Prepare"/>: <c>sync:project-id</c>/<c>sync:run-id</c> tags, Spark event logging
    /// to the run's <c>eventlog/</c> folder), saved as <see cref="RunJobFlowFileName"/> in the run's folder, the event-log
    /// prefix is created, and the prepared copy is started. Without a project the request is validated and started as it is.
    /// </summary>
    /// <param name="spec">The request (not changed).</param>
    /// <param name="projectId">The Sync project, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The started run with its cluster id, run id and location; or the error.</returns>
    public virtual async Task<Response<StartedRun>> RunJobFlowAsync(JsonObject spec, string? projectId = null, CancellationToken cancellationToken = default)
    {
        if (spec is null)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput, "A RunJobFlow request is required.", null, "invalid-run-job-flow"));
        }

        if (projectId is null)
        {
            return await StartAsIsAsync(spec, cancellationToken).ConfigureAwait(false);
        }

        var project = await ProjectAsync(projectId, "RunJobFlowAsync with a project", cancellationToken).ConfigureAwait(false);
        return project.IsSuccess
            ? await StartForProjectAsync(spec, project.Value, [], cancellationToken).ConfigureAwait(false)
            : project.AsFailure<StartedRun>();
    }

    /// <summary>
    /// Waits until a cluster has ended (<c>TERMINATED</c> or <c>TERMINATED_WITH_ERRORS</c>), asking EMR every
    /// <see cref="EmrClientOptions.ClusterPollInterval"/> and reporting each change of state to <paramref name="progress"/>.
    /// </summary>
    /// <param name="clusterId">The cluster id.</param>
    /// <param name="progress">Told the state (and reason) each time it changes; optional.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>
    /// The final state (a cluster that failed is a successful wait: check <see cref="EmrClusterStatus.IsFailed"/>), or
    /// an error: <see cref="SyncErrorKind.NotFound"/>, <see cref="SyncErrorKind.Timeout"/> after
    /// <see cref="EmrClientOptions.ClusterWaitTimeout"/>, <see cref="SyncErrorKind.Cancelled"/>.
    /// </returns>
    public virtual async Task<Response<EmrClusterStatus>> WaitForClusterAsync(string clusterId, IProgress<EmrClusterStatus>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (MissingClusterId<EmrClusterStatus>(clusterId) is { } missing)
        {
            return missing;
        }

        var id = clusterId.Trim();
        var clock = Stopwatch.StartNew();
        EmrClusterStatus? last = null;
        try
        {
            while (true)
            {
                var status = EmrClusterStatus.From(await Emr().DescribeClusterAsync(id, cancellationToken).ConfigureAwait(false), id);
                if (status != last)
                {
                    progress?.Report(status);
                    last = status;
                }

                if (status.IsTerminated)
                {
                    return Response.FromValue(status);
                }

                var wait = _options.ClusterPollInterval;
                if (_options.ClusterWaitTimeout is { } timeout)
                {
                    var left = timeout - clock.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        return Response.FromError<EmrClusterStatus>(new SyncError(SyncErrorKind.Timeout,
                            $"Cluster {id} is still {status.State} after {timeout.TotalMinutes:0.#} min.",
                            "Wait again, or terminate the cluster if its work is done.", "cluster-wait-timeout"));
                    }

                    wait = left < wait ? left : wait;
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (EmrErrors.From(e, $"waiting for cluster {id}", NotFoundMessage(id), cancellationToken) is { } error)
        {
            return Response.FromError<EmrClusterStatus>(error);
        }
    }

    /// <summary>Starts <paramref name="spec"/> prepared for a new run of <paramref name="project"/>.</summary>
    private async Task<Response<StartedRun>> StartForProjectAsync(JsonObject spec, Project project, IReadOnlyList<SyncWarning> warnings, CancellationToken cancellationToken)
    {
        var location = RunArtifactLocation.ForNewRun(project);
        if (!location.IsSuccess)
        {
            return location.AsFailure<StartedRun>();
        }

        var run = location.Value;
        if (!S3Location.TryParse(run.Root, out var root))
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"Project '{project.Name}' ({project.Id}) keeps its artifacts at {project.ArtifactLocation}, which is not an S3 location; an EMR cluster can only write its event log to S3.",
                "Set an S3 location: sync-cli projects update <id> --artifacts s3://bucket/prefix", "project-location-not-s3"));
        }

        var prepared = RunJobFlowPreparation.Prepare(spec, project.Id, run.RunId, root);
        if (!prepared.IsSuccess)
        {
            return prepared.AsFailure<StartedRun>();
        }

        var all = warnings.Concat(prepared.Warnings).Concat(KeepAliveWarning(prepared.Value.Spec)).ToList();
        try
        {
            var s3 = S3();
            await s3.PutTextAsync(S3Location.Parse(run.File(RunJobFlowFileName)), prepared.Value.Spec.ToJsonString(Indented), "application/json",
                cancellationToken).ConfigureAwait(false);
            await s3.CreateFolderAsync(prepared.Value.EventLogDirectory, cancellationToken).ConfigureAwait(false);
            var output = await Emr().RunJobFlowAsync(prepared.Value.Spec, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(new StartedRun(output.JobFlowId!, run.RunId, project.Id, run, prepared.Value.EventLogDirectory.ToString(), prepared.Value.Spec), all);
        }
        catch (Exception e) when (EmrErrors.From(e, $"starting a run of project {project.Id}",
                                      $"The project's artifact location {project.ArtifactLocation} does not exist", cancellationToken) is { } error)
        {
            return Response.FromError<StartedRun>(error);
        }
    }

    private async Task<Response<StartedRun>> StartAsIsAsync(JsonObject spec, CancellationToken cancellationToken)
    {
        var problems = RunJobFlowPreparation.Validate(spec);
        if (problems.Count > 0)
        {
            return Response.FromError<StartedRun>(new SyncError(SyncErrorKind.InvalidInput,
                $"The RunJobFlow request has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}: {string.Join("; ", problems)}.",
                "Fix the members named; the EMR API reference (RunJobFlow) lists each member's type.", "invalid-run-job-flow"));
        }

        try
        {
            var output = await Emr().RunJobFlowAsync(spec, cancellationToken).ConfigureAwait(false);
            var dir = EventLogDirectoryOf(spec);
            return Response.FromValue(new StartedRun(output.JobFlowId!, null, null, null, dir, (JsonObject)spec.DeepClone()), KeepAliveWarning(spec).ToList());
        }
        catch (Exception e) when (EmrErrors.From(e, "starting a cluster", "EMR did not find a resource the request names", cancellationToken) is { } error)
        {
            return Response.FromError<StartedRun>(error);
        }
    }

    private static IEnumerable<SyncWarning> KeepAliveWarning(JsonObject spec)
    {
        if (spec["Instances"]?["KeepJobFlowAliveWhenNoSteps"] is JsonValue value && value.TryGetValue<bool>(out var alive) && alive)
        {
            yield return new SyncWarning("cluster-kept-alive",
                "Instances.KeepJobFlowAliveWhenNoSteps is true: the cluster keeps running after its steps; terminate it when they are done, so that the run can be recorded.");
        }
    }

    private static string? EventLogDirectoryOf(JsonObject spec) =>
        (spec["Configurations"] as JsonArray)?.OfType<JsonObject>()
        .Where(c => (string?)c["Classification"] == "spark-defaults")
        .Select(c => (string?)c["Properties"]?["spark.eventLog.dir"])
        .LastOrDefault(d => d is not null);

    private async Task<Response<Project>> ProjectAsync(string projectId, string operation, CancellationToken cancellationToken)
    {
        var sync = Sync(operation);
        if (!sync.IsSuccess)
        {
            return sync.AsFailure<Project>();
        }

        if (string.IsNullOrWhiteSpace(projectId))
        {
            return Response.FromError<Project>(new SyncError(SyncErrorKind.InvalidInput, "A project id is required.", "See sync-cli projects list.", "project-id-missing"));
        }

        return await sync.Value.Projects.GetAsync(projectId.Trim(), cancellationToken).ConfigureAwait(false);
    }

    private string NotFoundMessage(string clusterId) => $"Cluster {clusterId} was not found in {RegionForMessages()}";

    private static Response<T>? MissingClusterId<T>(string? clusterId) => string.IsNullOrWhiteSpace(clusterId)
        ? Response.FromError<T>(new SyncError(SyncErrorKind.InvalidInput, "A cluster id is required.", "Give the id EMR assigned, such as j-2AXXXXXXGAPLF.", "cluster-id-missing"))
        : null;
}
