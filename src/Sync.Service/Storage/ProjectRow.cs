namespace Sync.Service.Storage;

/// <summary>A row of <c>projects</c>: one recurring Spark application.</summary>
internal sealed class ProjectRow
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? ProductCode { get; set; }
    public string? AppId { get; set; }
    public string? ArtifactUrl { get; set; }
    public string Preference { get; set; } = "balanced";
    public double? SlaSeconds { get; set; }
    public double? CostCeilingUsd { get; set; }
    public long CreatedAtMs { get; set; }
    public long UpdatedAtMs { get; set; }
}
