namespace Sync.Service.Security;

/// <summary>A new API key: its id and its secret, which is shown this once and stored only as a salted hash.</summary>
/// <param name="KeyId">The key id (not secret).</param>
/// <param name="Secret">The secret; never logged, never stored.</param>
/// <param name="TenantId">The tenant the key belongs to.</param>
public sealed record ApiKeyCreated(string KeyId, string Secret, string TenantId)
{
    /// <inheritdoc/>
    public override string ToString() => $"ApiKeyCreated {{ KeyId = {KeyId}, TenantId = {TenantId} }}";
}
