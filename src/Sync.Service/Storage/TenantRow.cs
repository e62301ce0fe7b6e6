namespace Sync.Service.Storage;

/// <summary>A row of <c>tenants</c>: an owner of projects, runs and predictions.</summary>
internal sealed class TenantRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public long CreatedAtMs { get; set; }
}
