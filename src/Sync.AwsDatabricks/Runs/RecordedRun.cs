using Sync.Api.Models;

namespace Sync.AwsDatabricks.Runs;

/// <summary>A run recorded by <see cref="DatabricksClient.RecordRunAsync"/>.</summary>
/// <param name="Run">The recorded run (succeeded or failed, with its state message).</param>
/// <param name="Status">How the Databricks run ended.</param>
/// <param name="Location">Where its artifacts are (the cluster report at <see cref="RunArtifactLocation.ClusterReportLocation"/>).</param>
/// <param name="EventLogFolder">Where the delivered event log was read from (<c>dbfs:/…</c> or <c>s3://…</c>), if it was.</param>
/// <param name="PredictionId">The prediction created from it (successful runs only).</param>
/// <param name="AlreadyRecorded">Whether the run had been recorded before (nothing was changed).</param>
public sealed record RecordedRun(Run Run, DatabricksRunStatus Status, RunArtifactLocation Location, string? EventLogFolder, string? PredictionId, bool AlreadyRecorded);
