using System.Text.Json.Nodes;
using Sync.Api.Models;

namespace Sync.AwsDatabricks.Runs;

/// <summary>A one-time run submitted by <see cref="DatabricksClient.RunJobAsync(JsonObject, DatabricksTask, string?, CancellationToken)"/>.</summary>
/// <param name="RunId">The Databricks run id.</param>
/// <param name="SyncRunId">The id the run will be recorded under (its cluster's <c>sync:run-id</c> tag); <see langword="null"/> for a run outside a project.</param>
/// <param name="ProjectId">The Sync project, if any.</param>
/// <param name="Location">Where the run keeps its artifacts, if it belongs to a project.</param>
/// <param name="Spec">The <c>new_cluster</c> that was submitted (tags and log delivery added).</param>
public sealed record StartedRun(long RunId, string? SyncRunId, string? ProjectId, RunArtifactLocation? Location, JsonObject Spec)
{
    /// <summary>The run's page in the workspace, when known.</summary>
    public string? RunPageUrl { get; init; }
}
