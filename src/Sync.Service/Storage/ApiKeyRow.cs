namespace Sync.Service.Storage;

/// <summary>A row of <c>api_keys</c>: a key id with the salted hash of its secret (never the secret).</summary>
internal sealed class ApiKeyRow
{
    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Salt { get; set; } = "";
    public long CreatedAtMs { get; set; }
    public long? RevokedAtMs { get; set; }
}
