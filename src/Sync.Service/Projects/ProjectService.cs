using Microsoft.EntityFrameworkCore;
using Sync.Service.Contract;
using Sync.Service.Storage;

namespace Sync.Service.Projects;

/// <summary>Projects of a tenant: create, get, list, update, delete.</summary>
public class ProjectService
{
    private readonly SyncDatabase _database;
    private readonly TimeProvider _clock;

    internal ProjectService(SyncDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>For mocking.</summary>
    protected ProjectService()
    {
        _database = null!;
        _clock = TimeProvider.System;
    }

    /// <summary>Creates a project.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="request">The project; <see cref="ProjectRequestDto.Name"/> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.InvalidInput"/>: a missing name or a bad value.</exception>
    public virtual async Task<ProjectDto> CreateAsync(string tenantId, ProjectRequestDto request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw SyncServiceException.Invalid("A project needs a name.", "Give the project a name.");
        }

        var now = Time.NowMs(_clock);
        var row = new ProjectRow { Id = Ids.New(), TenantId = tenantId, Name = "", CreatedAtMs = now };
        Apply(row, request, now);
        await using var db = _database.Open();
        db.Projects.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(row);
    }

    /// <summary>Gets a project.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: the tenant has no such project.</exception>
    public virtual async Task<ProjectDto> GetAsync(string tenantId, string projectId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        return ToDto(await FindAsync(db, tenantId, projectId, cancellationToken));
    }

    /// <summary>Lists a tenant's projects, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="appId">Only projects of this application id, when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The projects.</returns>
    public virtual async Task<IReadOnlyList<ProjectDto>> ListAsync(string tenantId, string? appId = null, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        var query = db.Projects.AsNoTracking().Where(p => p.TenantId == tenantId);
        if (appId is not null)
        {
            query = query.Where(p => p.AppId == appId);
        }

        var rows = await query.OrderBy(p => p.CreatedAtMs).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>Changes a project: members of <paramref name="request"/> left <see langword="null"/> keep their value.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="request">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project as changed.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/> or <see cref="ServiceErrorKind.InvalidInput"/>.</exception>
    public virtual async Task<ProjectDto> UpdateAsync(string tenantId, string projectId, ProjectRequestDto request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            throw SyncServiceException.Invalid("A project's name cannot be empty.");
        }

        await using var db = _database.Open();
        var row = await FindAsync(db, tenantId, projectId, cancellationToken);
        Apply(row, request, Time.NowMs(_clock));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(row);
    }

    /// <summary>Deletes a project and its recorded runs; its predictions stay, detached from it.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: the tenant has no such project.</exception>
    public virtual async Task DeleteAsync(string tenantId, string projectId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        var row = await FindAsync(db, tenantId, projectId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Runs.Where(r => r.TenantId == tenantId && r.ProjectId == projectId).ExecuteDeleteAsync(cancellationToken);
        await db.Predictions.Where(p => p.TenantId == tenantId && p.ProjectId == projectId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProjectId, (string?)null), cancellationToken);
        db.Projects.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task<ProjectRow> FindAsync(SyncDbContext db, string tenantId, string projectId, CancellationToken cancellationToken) =>
        await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId && p.TenantId == tenantId, cancellationToken)
        ?? throw SyncServiceException.NotFound("project", projectId);

    private static void Apply(ProjectRow row, ProjectRequestDto request, long now)
    {
        if (request.SlaSeconds is <= 0 || request.SlaSeconds is double.NaN)
        {
            throw SyncServiceException.Invalid($"sla_seconds must be positive, not {request.SlaSeconds}.");
        }

        if (request.CostCeilingUsd is <= 0 || request.CostCeilingUsd is double.NaN)
        {
            throw SyncServiceException.Invalid($"cost_ceiling_usd must be positive, not {request.CostCeilingUsd}.");
        }

        row.Name = request.Name?.Trim() ?? row.Name;
        row.Description = request.Description ?? row.Description;
        row.ProductCode = request.ProductCode is null ? row.ProductCode : Products.Validate(request.ProductCode, "product_code");
        row.AppId = request.AppId ?? row.AppId;
        row.ArtifactUrl = request.ArtifactUrl ?? row.ArtifactUrl;
        row.Preference = request.PredictionPreference is null ? row.Preference : Preferences.Validate(request.PredictionPreference, "prediction_preference");
        row.SlaSeconds = request.SlaSeconds ?? row.SlaSeconds;
        row.CostCeilingUsd = request.CostCeilingUsd ?? row.CostCeilingUsd;
        row.UpdatedAtMs = now;
    }

    private static ProjectDto ToDto(ProjectRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Description = row.Description,
        ProductCode = row.ProductCode,
        AppId = row.AppId,
        ArtifactUrl = row.ArtifactUrl,
        PredictionPreference = row.Preference,
        SlaSeconds = row.SlaSeconds,
        CostCeilingUsd = row.CostCeilingUsd,
        CreatedAt = Time.FromMs(row.CreatedAtMs),
        UpdatedAt = Time.FromMs(row.UpdatedAtMs),
    };
}
