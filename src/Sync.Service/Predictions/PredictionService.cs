using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sync.Service.Contract;
using Sync.Service.Projects;
using Sync.Service.Runs;
using Sync.Service.Storage;

namespace Sync.Service.Predictions;

/// <summary>
/// Predictions of a tenant: create (from an event log path, a recorded run, or an upload to follow), attach an uploaded
/// event log, get, status, list, retry and delete. The work itself runs in the background; poll the status.
/// </summary>
public class PredictionService
{
    private readonly SyncDatabase _database;
    private readonly TimeProvider _clock;
    private readonly PredictionRunner _runner;
    private readonly PredictionEngine _engine;
    private readonly UploadStore _uploads;
    private readonly bool _allowLocalEventLogs;

    internal PredictionService(SyncDatabase database, TimeProvider clock, PredictionRunner runner, PredictionEngine engine, UploadStore uploads, bool allowLocalEventLogs)
    {
        _database = database;
        _clock = clock;
        _runner = runner;
        _engine = engine;
        _uploads = uploads;
        _allowLocalEventLogs = allowLocalEventLogs;
    }

    /// <summary>For mocking.</summary>
    protected PredictionService()
    {
        _database = null!;
        _clock = TimeProvider.System;
        _runner = null!;
        _engine = null!;
        _uploads = null!;
    }

    /// <summary>
    /// Creates a prediction. With an event log location it is queued (<see cref="PredictionStatuses.Pending"/>);
    /// without one it waits for <see cref="AttachEventLogAsync"/> (<see cref="PredictionStatuses.AwaitingUpload"/>).
    /// When the code hash differs from the basis run's (the given run, or the project's latest), the result carries a
    /// <c>code_hash_changed</c> warning.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="request">What to predict from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new prediction's id, status and warnings.</returns>
    /// <exception cref="SyncServiceException">
    /// <see cref="ServiceErrorKind.InvalidInput"/> (bad report, product, preference or path),
    /// <see cref="ServiceErrorKind.NotFound"/> (project or run), <see cref="ServiceErrorKind.PermissionDenied"/> (a local path where forbidden).
    /// </exception>
    public virtual async Task<PredictionCreatedDto> CreateAsync(string tenantId, PredictionRequestDto request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = _database.Open();
        RunRow? basisRun = null;
        var projectId = request.ProjectId;
        if (request.RunId is not null)
        {
            basisRun = await RunService.FindAsync(db, tenantId, request.RunId, cancellationToken);
            if (basisRun.Status == RunStatuses.Failed)
            {
                throw SyncServiceException.Invalid($"Run '{basisRun.Id}' failed ({basisRun.StatusMessage ?? "no reason recorded"}): a failed run is not a basis for a prediction.",
                    "Predict from a run that succeeded, or leave the run out to use the project's latest successful run.");
            }
            projectId ??= basisRun.ProjectId;
        }

        ProjectRow? project = null;
        if (projectId is not null)
        {
            project = await ProjectService.FindAsync(db, tenantId, projectId, cancellationToken);
            basisRun ??= await db.Runs.AsNoTracking().Where(r => r.TenantId == tenantId && r.ProjectId == projectId && r.Status == RunStatuses.Succeeded)
                .OrderByDescending(r => r.CreatedAtMs).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        }

        string reportJson;
        Engine.Clusters.ClusterReport report;
        var fromRun = request.Configs is null && basisRun is not null;
        if (request.Configs is null && basisRun is null && projectId is not null)
        {
            throw SyncServiceException.Invalid($"Project '{projectId}' has no successful run to predict from.",
                "Record a run of it first (POST /v1/projects/{id}/submissions), or give the cluster report (configs) and event log.");
        }

        if (!fromRun)
        {
            (reportJson, report) = ClusterReports.Validate(request.Configs, "configs");
        }
        else
        {
            reportJson = basisRun!.ClusterReportJson;
            report = Engine.Clusters.ClusterReport.Parse(reportJson, "the run's cluster_report");
        }

        var product = Products.Validate(request.ProductCode ?? (fromRun ? basisRun!.ProductCode : report.Platform), "product_code");
        if (product != report.Platform)
        {
            throw SyncServiceException.Invalid($"product_code is {product} but the cluster report is for {report.Platform}.", "Make them agree.");
        }

        var preference = request.Preference is null ? project?.Preference ?? "balanced" : Preferences.Validate(request.Preference, "preference");
        var sla = request.SlaSeconds ?? project?.SlaSeconds;
        if (sla is <= 0 || sla is double.NaN)
        {
            throw SyncServiceException.Invalid($"sla_seconds must be positive, not {sla}.");
        }

        var eventLogUrl = request.EventLogUrl ?? (fromRun || request.RunId is not null ? basisRun!.EventLogUrl : null);
        var codeHash = string.IsNullOrWhiteSpace(request.CodeHash) ? null : request.CodeHash.Trim();
        var warnings = new List<WarningDto>();
        string? localPath = null;
        try
        {
            localPath = string.IsNullOrWhiteSpace(eventLogUrl) ? null : EventLogLocations.ToLocalPath(eventLogUrl, _allowLocalEventLogs);
        }
        catch (SyncServiceException e) when (request.EventLogUrl is null)
        {
            // The basis run's log is where this service cannot read it (S3, DBFS, the recording machine's disk): the
            // prediction waits for the client to upload it, as one created without a log does.
            warnings.Add(new WarningDto
            {
                Code = "event_log_upload_needed",
                Message = $"The basis run's event log ({eventLogUrl}) cannot be read by this service ({e.Message}); the prediction waits for an upload of it.",
            });
        }

        if (codeHash is not null && basisRun?.CodeHash is { } runHash && !string.Equals(runHash, codeHash, StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add(new WarningDto
            {
                Code = "code_hash_changed",
                Message = $"The basis run {basisRun.Id} ran code with hash {runHash}, but this prediction is for code with hash {codeHash}: " +
                          "the prediction may not hold for the changed code. Record a run of the new code and predict from it.",
            });
        }

        var now = Time.NowMs(_clock);
        var row = new PredictionRow
        {
            Id = Ids.New(), TenantId = tenantId, ProjectId = projectId, RunId = basisRun?.Id, ProductCode = product, ClusterReportJson = reportJson,
            EventLogUrl = localPath, Preference = preference, SlaSeconds = sla, CodeHash = codeHash,
            WarningsJson = warnings.Count == 0 ? null : JsonSerializer.Serialize(warnings, ContractJson.Options),
            Status = localPath is null ? PredictionStatuses.AwaitingUpload : PredictionStatuses.Pending,
            CreatedAtMs = now, UpdatedAtMs = now,
        };
        db.Predictions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        if (row.Status == PredictionStatuses.Pending)
        {
            _runner.Enqueue(row.Id);
        }

        return new PredictionCreatedDto { PredictionId = row.Id, Status = row.Status, Warnings = warnings };
    }

    /// <summary>
    /// Stores the uploaded event log of a prediction that awaits one, streaming it to disk, and queues the prediction.
    /// If the upload breaks off, nothing is kept and the prediction still awaits its log.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="content">The event log's bytes (a file, or an archive of an event-log folder).</param>
    /// <param name="fileName">The uploaded file's name, if known.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The prediction's new status.</returns>
    /// <exception cref="SyncServiceException">
    /// <see cref="ServiceErrorKind.NotFound"/>, <see cref="ServiceErrorKind.Conflict"/> (it does not await an upload),
    /// <see cref="ServiceErrorKind.TooLarge"/> or <see cref="ServiceErrorKind.InvalidInput"/> (empty upload).
    /// </exception>
    public virtual async Task<PredictionStatusDto> AttachEventLogAsync(string tenantId, string predictionId, Stream content, string? fileName = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var row = await FindAsync(tenantId, predictionId, cancellationToken);
        if (row.Status != PredictionStatuses.AwaitingUpload)
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "not_awaiting_upload",
                $"Prediction {predictionId} is {row.Status}, not awaiting an event log upload.", "Create a new prediction to predict from another log.");
        }

        var path = await _uploads.SaveAsync(predictionId, content, fileName, cancellationToken);
        var now = Time.NowMs(_clock);
        await using var db = _database.Open();
        var updated = await db.Predictions.Where(p => p.Id == predictionId && p.TenantId == tenantId && p.Status == PredictionStatuses.AwaitingUpload)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.UploadPath, path)
                .SetProperty(p => p.Status, PredictionStatuses.Pending)
                .SetProperty(p => p.UpdatedAtMs, now), CancellationToken.None);
        if (updated == 0)
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "not_awaiting_upload",
                $"Prediction {predictionId} changed while its event log was uploading.", "Get the prediction to see its state.");
        }

        _runner.Enqueue(predictionId);
        return new PredictionStatusDto { Status = PredictionStatuses.Pending };
    }

    /// <summary>Gets a prediction with its solutions (once it succeeded).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="preference">Return only this solution (<c>performance</c>, <c>balanced</c>, <c>economy</c>), when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/> or <see cref="ServiceErrorKind.InvalidInput"/> (preference).</exception>
    public virtual async Task<PredictionDto> GetAsync(string tenantId, string predictionId, string? preference = null, CancellationToken cancellationToken = default)
    {
        var wanted = preference is null ? null : Preferences.Validate(preference, "preference");
        return PredictionMapper.ToDto(await FindAsync(tenantId, predictionId, cancellationToken), wanted);
    }

    /// <summary>
    /// Draws a succeeded prediction as one self-contained HTML page (<see cref="Engine.Reports.PredictionReport"/>): the
    /// engine runs again on the prediction's event log and cluster report, since the page shows every simulated
    /// configuration and the observed run's timeline, which the stored result does not keep.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="SyncServiceException">
    /// <see cref="ServiceErrorKind.NotFound"/>, or <see cref="ServiceErrorKind.Conflict"/> when the prediction has not
    /// succeeded (<c>prediction_not_ready</c>) or its event log is no longer there (<c>event_log_gone</c>).
    /// </exception>
    public virtual async Task<string> GetReportAsync(string tenantId, string predictionId, CancellationToken cancellationToken = default)
    {
        var row = await FindAsync(tenantId, predictionId, cancellationToken);
        if (row.Status != PredictionStatuses.Success)
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "prediction_not_ready",
                $"Prediction {predictionId} is {row.Status}; a report can be drawn once it is {PredictionStatuses.Success}.",
                row.Status == PredictionStatuses.Failure ? "Retry the prediction, then ask for its report." : "Wait for the prediction to finish, then ask again.");
        }

        var log = row.UploadPath ?? row.EventLogUrl!;
        if (!File.Exists(log) && !Directory.Exists(log))
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "event_log_gone",
                $"The event log prediction {predictionId} was made from is no longer there.", "Create a new prediction from the run's event log.");
        }

        return await _engine.ReportAsync(log, row.ClusterReportJson, row.SlaSeconds, cancellationToken);
    }

    /// <summary>Gets a prediction's status.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>.</exception>
    public virtual async Task<PredictionStatusDto> GetStatusAsync(string tenantId, string predictionId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        var status = await db.Predictions.Where(p => p.Id == predictionId && p.TenantId == tenantId).Select(p => p.Status).FirstOrDefaultAsync(cancellationToken)
                     ?? throw SyncServiceException.NotFound("prediction", predictionId);
        return new PredictionStatusDto { Status = status };
    }

    /// <summary>Lists a tenant's predictions, newest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="query">Filters; all optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The predictions.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.InvalidInput"/>: a bad filter value.</exception>
    public virtual async Task<IReadOnlyList<PredictionDto>> ListAsync(string tenantId, PredictionQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new PredictionQuery();
        var wanted = query.Preference is null ? null : Preferences.Validate(query.Preference, "preference");
        var products = query.Products?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Products.Validate(p, "products")).ToList();
        await using var db = _database.Open();
        var rows = db.Predictions.AsNoTracking().Where(p => p.TenantId == tenantId);
        if (query.ProjectId is not null)
        {
            rows = rows.Where(p => p.ProjectId == query.ProjectId);
        }

        if (products is { Count: > 0 })
        {
            rows = rows.Where(p => products.Contains(p.ProductCode));
        }

        if (query.Status is not null)
        {
            rows = rows.Where(p => p.Status == query.Status);
        }

        var list = await rows.OrderByDescending(p => p.CreatedAtMs).ThenByDescending(p => p.Id).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken);
        return list.Select(r => PredictionMapper.ToDto(r, wanted)).ToList();
    }

    /// <summary>Queues a failed prediction again (or lets it await a new upload when its uploaded log is gone).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction's new status.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>, or <see cref="ServiceErrorKind.Conflict"/> when it has not failed.</exception>
    public virtual async Task<PredictionStatusDto> RetryAsync(string tenantId, string predictionId, CancellationToken cancellationToken = default)
    {
        var row = await FindAsync(tenantId, predictionId, cancellationToken);
        if (row.Status != PredictionStatuses.Failure)
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "not_failed", $"Prediction {predictionId} is {row.Status}; only a failed prediction can be retried.");
        }

        var hasLog = row.EventLogUrl is not null || (row.UploadPath is not null && File.Exists(row.UploadPath));
        var status = hasLog ? PredictionStatuses.Pending : PredictionStatuses.AwaitingUpload;
        var uploadPath = hasLog ? row.UploadPath : null;
        var now = Time.NowMs(_clock);
        await using var db = _database.Open();
        var updated = await db.Predictions.Where(p => p.Id == predictionId && p.TenantId == tenantId && p.Status == PredictionStatuses.Failure)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, status)
                .SetProperty(p => p.UploadPath, uploadPath)
                .SetProperty(p => p.ErrorCode, (string?)null)
                .SetProperty(p => p.ErrorMessage, (string?)null)
                .SetProperty(p => p.ErrorHint, (string?)null)
                .SetProperty(p => p.Retryable, false)
                .SetProperty(p => p.UpdatedAtMs, now), cancellationToken);
        if (updated == 0)
        {
            throw new SyncServiceException(ServiceErrorKind.Conflict, "not_failed", $"Prediction {predictionId} changed while being retried.");
        }

        if (status == PredictionStatuses.Pending)
        {
            _runner.Enqueue(predictionId);
        }

        return new PredictionStatusDto { Status = status };
    }

    /// <summary>Deletes a prediction and its uploaded event log.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="SyncServiceException"><see cref="ServiceErrorKind.NotFound"/>.</exception>
    public virtual async Task DeleteAsync(string tenantId, string predictionId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.Open();
        var deleted = await db.Predictions.Where(p => p.Id == predictionId && p.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw SyncServiceException.NotFound("prediction", predictionId);
        }

        _uploads.Delete(predictionId);
    }

    private async Task<PredictionRow> FindAsync(string tenantId, string predictionId, CancellationToken cancellationToken)
    {
        await using var db = _database.Open();
        return await db.Predictions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == predictionId && p.TenantId == tenantId, cancellationToken)
               ?? throw SyncServiceException.NotFound("prediction", predictionId);
    }
}
