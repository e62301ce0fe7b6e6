using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sync.Service.Storage;

namespace Sync.Service.Security;

/// <summary>API keys: create (the secret is returned once), verify a key id and secret, revoke.</summary>
public class ApiKeyService
{
    private static readonly Lazy<(string Hash, string Salt)> Decoy = new(() => SecretHasher.Hash("decoy"));
    private readonly SyncDatabase _database;
    private readonly TimeProvider _clock;

    internal ApiKeyService(SyncDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>For mocking.</summary>
    protected ApiKeyService()
    {
        _database = null!;
        _clock = TimeProvider.System;
    }

    /// <summary>Creates an API key for a tenant.</summary>
    /// <param name="tenantId">The tenant; it must exist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key id and the secret (shown this once).</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: no such tenant.</exception>
    public virtual async Task<ApiKeyCreated> CreateAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            throw SyncServiceException.NotFound("tenant", tenantId);
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var (hash, salt) = SecretHasher.Hash(secret);
        db.ApiKeys.Add(new ApiKeyRow { Id = keyId, TenantId = tenantId, SecretHash = hash, Salt = salt, CreatedAtMs = Time.NowMs(_clock) });
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreated(keyId, secret, tenantId);
    }

    /// <summary>Checks an API key id and secret.</summary>
    /// <param name="keyId">The key id.</param>
    /// <param name="secret">The secret.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant the key belongs to.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.Authentication"/>: unknown key, wrong secret or revoked key.</exception>
    public virtual async Task<string> VerifyAsync(string keyId, string secret, CancellationToken cancellationToken = default)
    {
        ApiKeyRow? row = null;
        if (!string.IsNullOrEmpty(keyId))
        {
            await using var db = _database.Open();
            row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        }

        // Hash even for an unknown key, so the answer takes as long either way.
        var matches = SecretHasher.Verify(secret ?? "", row?.SecretHash ?? Decoy.Value.Hash, row?.Salt ?? Decoy.Value.Salt);
        if (row is null || !matches || row.RevokedAtMs is not null)
        {
            throw new SyncServiceException(ServiceErrorKind.Authentication, "invalid_api_key",
                "The API key id or secret is wrong, or the key was revoked.", "Check the API key id and secret, or create a new key.");
        }

        return row.TenantId;
    }

    /// <summary>Revokes a tenant's API key; it is refused from then on.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="keyId">The key id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is revoked.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: the tenant has no such key.</exception>
    public virtual async Task RevokeAsync(string tenantId, string keyId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.TenantId == tenantId, cancellationToken)
                  ?? throw SyncServiceException.NotFound("api_key", keyId);
        row.RevokedAtMs ??= Time.NowMs(_clock);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
