using Sync.Service.Contract;

namespace Sync.Service.Storage;

/// <summary>A row of <c>runs</c>: a finished run (submission) recorded in a project.</summary>
internal sealed class RunRow
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string ProductCode { get; set; } = "";
    public string ClusterReportJson { get; set; } = "";
    public string? EventLogUrl { get; set; }
    public string? CodeHash { get; set; }
    public double? RuntimeSeconds { get; set; }
    public double? CostUsd { get; set; }
    public long CreatedAtMs { get; set; }
    public string Status { get; set; } = RunStatuses.Succeeded;
    public string? StatusMessage { get; set; }
}
