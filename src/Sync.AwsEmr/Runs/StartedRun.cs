using System.Text.Json.Nodes;
using Sync.Api.Models;

namespace Sync.AwsEmr.Runs;

/// <summary>A cluster started by <see cref="EmrClient.RunJobFlowAsync(JsonObject, string?, CancellationToken)"/> or <see cref="EmrClient.RunPredictionAsync"/>.</summary>
/// <param name="ClusterId">The cluster id EMR assigned (<c>j-…</c>).</param>
/// <param name="RunId">The Sync run id the cluster is tagged with (<c>sync:run-id</c>), or <see langword="null"/> when started without a project.</param>
/// <param name="ProjectId">The Sync project, or <see langword="null"/>.</param>
/// <param name="Location">Where the run keeps its artifacts (event log, request, report), or <see langword="null"/> without a project.</param>
/// <param name="EventLogDirectory">Where Spark writes the event log (<c>spark.eventLog.dir</c>), when known.</param>
/// <param name="Spec">The RunJobFlow request that was sent (the prepared copy when a project was given).</param>
public sealed record StartedRun(string ClusterId, string? RunId, string? ProjectId, RunArtifactLocation? Location, string? EventLogDirectory, JsonObject Spec);
