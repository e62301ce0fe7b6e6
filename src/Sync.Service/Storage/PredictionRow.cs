namespace Sync.Service.Storage;

/// <summary>A row of <c>predictions</c>: the request, its status, the error or result document, timestamps and attempts.</summary>
internal sealed class PredictionRow
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string? ProjectId { get; set; }
    public string? RunId { get; set; }
    public string ProductCode { get; set; } = "";
    public string ClusterReportJson { get; set; } = "";
    public string? EventLogUrl { get; set; }
    public string? UploadPath { get; set; }
    public string Preference { get; set; } = "balanced";
    public double? SlaSeconds { get; set; }
    public string? CodeHash { get; set; }
    public string? WarningsJson { get; set; }
    public string Status { get; set; } = "";
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorHint { get; set; }
    public bool Retryable { get; set; }
    public string? ApplicationName { get; set; }
    public string? ResultJson { get; set; }
    public int Attempts { get; set; }
    public long? LeaseUntilMs { get; set; }
    public long CreatedAtMs { get; set; }
    public long UpdatedAtMs { get; set; }
    public long? StartedAtMs { get; set; }
    public long? FinishedAtMs { get; set; }
}
