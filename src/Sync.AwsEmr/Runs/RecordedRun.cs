using Sync.Api.Models;

namespace Sync.AwsEmr.Runs;

/// <summary>What <see cref="EmrClient.RecordRunAsync"/> recorded for a terminated cluster.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="Run">The run as recorded (<see cref="Run.Status"/> says whether it failed, <see cref="Run.StatusMessage"/> why).</param>
/// <param name="AlreadyRecorded">Whether the run had been recorded before (nothing was written this time).</param>
/// <param name="PredictionId">The prediction created from the run, or <see langword="null"/> (failed run, already recorded, or creation failed — see the warnings).</param>
/// <param name="EventLogLocation">Where the event log was found on S3, or <see langword="null"/> for a failed run without one.</param>
/// <param name="ClusterReportLocation">Where the cluster report was stored on S3, or <see langword="null"/> when the run has no project layout.</param>
public sealed record RecordedRun(string ClusterId, Run Run, bool AlreadyRecorded, string? PredictionId, string? EventLogLocation, string? ClusterReportLocation);
