using Microsoft.EntityFrameworkCore;
using Sync.Service.Storage;

namespace Sync.Service.Tenants;

/// <summary>Tenants: the owners of API keys, projects, runs and predictions. Each tenant sees only its own.</summary>
public class TenantService
{
    private readonly SyncDatabase _database;
    private readonly TimeProvider _clock;

    internal TenantService(SyncDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>For mocking.</summary>
    protected TenantService()
    {
        _database = null!;
        _clock = TimeProvider.System;
    }

    /// <summary>Creates a tenant.</summary>
    /// <param name="name">A name for people.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tenant's id.</returns>
    public virtual async Task<string> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var id = Ids.New();
        await EnsureAsync(id, name, cancellationToken);
        return id;
    }

    /// <summary>Creates the tenant <paramref name="tenantId"/> unless it exists (the embedded backend's fixed local tenant).</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="name">A name for people.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tenant exists.</returns>
    public virtual async Task EnsureAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            throw SyncServiceException.Invalid("A tenant id is required.");
        }

        await using var db = _database.Open();
        if (await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return;
        }

        db.Tenants.Add(new TenantRow { Id = tenantId, Name = name, CreatedAtMs = Time.NowMs(_clock) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created at the same time by another caller, or a real failure.
            if (!await ExistsAsync(tenantId, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>Whether a tenant exists.</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public virtual async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        return await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken);
    }
}
