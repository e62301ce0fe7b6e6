using Microsoft.EntityFrameworkCore;
using Sync.Service.Contract;
using Sync.Service.Projects;
using Sync.Service.Storage;

namespace Sync.Service.Runs;

/// <summary>Runs (submissions): finished runs recorded in a project, with their report, event log location and code hash.</summary>
public class RunService
{
    private readonly SyncDatabase _database;
    private readonly TimeProvider _clock;

    internal RunService(SyncDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>For mocking.</summary>
    protected RunService()
    {
        _database = null!;
        _clock = TimeProvider.System;
    }

    /// <summary>Records a finished run in a project.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="request">The run; its cluster report is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recorded run.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/> (project) or <see cref="ServiceErrorKind.InvalidInput"/>.</exception>
    public virtual async Task<SubmissionDto> CreateAsync(string tenantId, string projectId, SubmissionRequestDto request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = _database.Open();
        await ProjectService.FindAsync(db, tenantId, projectId, cancellationToken);
        var (json, report) = ClusterReports.Validate(request.ClusterReport, "cluster_report");
        var product = Products.Validate(request.Product ?? report.Platform, "product");
        if (request.RuntimeSeconds is < 0 || request.CostUsd is < 0)
        {
            throw SyncServiceException.Invalid("runtime_seconds and cost_usd cannot be negative.");
        }

        var status = RunStatuses.Normalize(request.Status)
            ?? throw SyncServiceException.Invalid($"status must be {RunStatuses.Succeeded} or {RunStatuses.Failed}, not '{request.Status}'.");
        var id = Ids.New();
        if (!string.IsNullOrWhiteSpace(request.SubmissionId))
        {
            if (!Guid.TryParse(request.SubmissionId, out var chosen))
            {
                throw SyncServiceException.Invalid($"submission_id must be a UUID, not '{request.SubmissionId}'.", "Leave it out to have the service choose one.");
            }

            id = chosen.ToString();
            if (await db.Runs.AsNoTracking().AnyAsync(r => r.Id == id, cancellationToken))
            {
                throw new SyncServiceException(ServiceErrorKind.Conflict, "run_exists", $"A run with id '{id}' is already recorded.",
                    "Each run is recorded once; start a new run to record another.");
            }
        }

        var row = new RunRow
        {
            Id = id, Status = status, StatusMessage = string.IsNullOrWhiteSpace(request.StatusMessage) ? null : request.StatusMessage.Trim(),
            TenantId = tenantId, ProjectId = projectId, ProductCode = product, ClusterReportJson = json,
            EventLogUrl = string.IsNullOrWhiteSpace(request.EventLogUri) ? null : request.EventLogUri,
            CodeHash = string.IsNullOrWhiteSpace(request.CodeHash) ? null : request.CodeHash.Trim(),
            RuntimeSeconds = request.RuntimeSeconds, CostUsd = request.CostUsd, CreatedAtMs = Time.NowMs(_clock),
        };
        db.Runs.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(row);
    }

    /// <summary>Gets a recorded run.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: the tenant has no such run.</exception>
    public virtual async Task<SubmissionDto> GetAsync(string tenantId, string runId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        return ToDto(await FindAsync(db, tenantId, runId, cancellationToken));
    }

    /// <summary>Lists a project's runs, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>: the tenant has no such project.</exception>
    public virtual async Task<IReadOnlyList<SubmissionDto>> ListAsync(string tenantId, string projectId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        await ProjectService.FindAsync(db, tenantId, projectId, cancellationToken);
        var rows = await db.Runs.AsNoTracking().Where(r => r.TenantId == tenantId && r.ProjectId == projectId)
            .OrderBy(r => r.CreatedAtMs).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(ToDto).ToList();
    }

    internal static async Task<RunRow> FindAsync(SyncDbContext db, string tenantId, string runId, CancellationToken cancellationToken) =>
        await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.TenantId == tenantId, cancellationToken)
        ?? throw SyncServiceException.NotFound("run", runId);

    private static SubmissionDto ToDto(RunRow row) => new()
    {
        SubmissionId = row.Id,
        ProjectId = row.ProjectId,
        Product = row.ProductCode,
        ClusterReport = ClusterReports.Parse(row.ClusterReportJson),
        EventLogUri = row.EventLogUrl,
        CodeHash = row.CodeHash,
        RuntimeSeconds = row.RuntimeSeconds,
        CostUsd = row.CostUsd,
        Status = row.Status,
        StatusMessage = row.StatusMessage,
        CreatedAt = Time.FromMs(row.CreatedAtMs),
    };
}
