using Sync.Api;
using Sync.Engine.Clusters;

namespace Sync.AwsEmr.Reports;

/// <summary>A <see cref="ClusterReport"/> built by <see cref="EmrClusterReportBuilder"/>, with what the caller should know about it.</summary>
/// <param name="Report">The validated report.</param>
/// <param name="Warnings">Assumptions made and oddities found (unknown instance type, cluster still running, failed steps).</param>
public sealed record EmrClusterReport(ClusterReport Report, IReadOnlyList<SyncWarning> Warnings);
