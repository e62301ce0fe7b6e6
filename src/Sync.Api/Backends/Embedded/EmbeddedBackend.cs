using Sync.Service;
using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Api.Backends.Embedded;

/// <summary>
/// The embedded backend: <c>Sync.Service</c> in-process on <c>sync.db</c> in the data directory, acting as one fixed
/// local tenant. The service (schema migration, prediction runner) is opened on first use.
/// </summary>
internal sealed class EmbeddedBackend(string dataDirectory, string tenantId, int maxConcurrentPredictions, string? catalogPath) : ISyncBackend
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private SyncService? _service;

    public bool ReadsLocalPaths => true;

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    private async Task<SyncService> ServiceAsync(CancellationToken cancellationToken)
    {
        if (_service is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_service is null)
            {
                Directory.CreateDirectory(DataDirectory);
                var service = await SyncService.OpenAsync(new SyncServiceOptions
                {
                    DataDirectory = DataDirectory,
                    MaxConcurrentPredictions = Math.Max(1, maxConcurrentPredictions),
                    AllowLocalEventLogs = true,
                    CatalogPath = catalogPath,
                }, cancellationToken);
                await service.Tenants.EnsureAsync(tenantId, "local", cancellationToken);
                _service = service;
            }

            return _service;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async Task<ProjectDto> CreateProjectAsync(ProjectRequestDto request, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Projects.CreateAsync(tenantId, request, cancellationToken);

    public async Task<ProjectDto> GetProjectAsync(string projectId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Projects.GetAsync(tenantId, projectId, cancellationToken);

    public async Task<IReadOnlyList<ProjectDto>> ListProjectsAsync(string? appId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Projects.ListAsync(tenantId, appId, cancellationToken);

    public async Task<ProjectDto> UpdateProjectAsync(string projectId, ProjectRequestDto request, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Projects.UpdateAsync(tenantId, projectId, request, cancellationToken);

    public async Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Projects.DeleteAsync(tenantId, projectId, cancellationToken);

    public async Task<SubmissionDto> CreateRunAsync(string projectId, SubmissionRequestDto request, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Runs.CreateAsync(tenantId, projectId, request, cancellationToken);

    public async Task<SubmissionDto> GetRunAsync(string runId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Runs.GetAsync(tenantId, runId, cancellationToken);

    public async Task<IReadOnlyList<SubmissionDto>> ListRunsAsync(string projectId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Runs.ListAsync(tenantId, projectId, cancellationToken);

    public async Task<PredictionCreatedDto> CreatePredictionAsync(PredictionRequestDto request, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.CreateAsync(tenantId, request, cancellationToken);

    public async Task<string> GetPredictionReportAsync(string predictionId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.GetReportAsync(tenantId, predictionId, cancellationToken);

    public async Task<PredictionCreatedDto> GetUploadDetailsAsync(string predictionId, CancellationToken cancellationToken)
    {
        // In process there is nothing to upload to: the log is attached straight to the prediction, which must await it.
        var status = await (await ServiceAsync(cancellationToken)).Predictions.GetStatusAsync(tenantId, predictionId, cancellationToken);
        return status.Status == PredictionStatuses.AwaitingUpload
            ? new PredictionCreatedDto { PredictionId = predictionId, Status = status.Status }
            : throw new SyncServiceException(ServiceErrorKind.Conflict, "not_awaiting_upload", $"Prediction {predictionId} is {status.Status}, not awaiting an event log.",
                "Only a prediction created without an event log takes an upload.");
    }

    public async Task UploadEventLogAsync(PredictionCreatedDto created, Stream content, string fileName, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.AttachEventLogAsync(tenantId, created.PredictionId, content, fileName, cancellationToken);

    public async Task<PredictionDto> GetPredictionAsync(string predictionId, string? preference, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.GetAsync(tenantId, predictionId, preference, cancellationToken);

    public async Task<PredictionStatusDto> GetPredictionStatusAsync(string predictionId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.GetStatusAsync(tenantId, predictionId, cancellationToken);

    public async Task<IReadOnlyList<PredictionDto>> ListPredictionsAsync(PredictionQuery query, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.ListAsync(tenantId, query, cancellationToken);

    public async Task<PredictionStatusDto> RetryPredictionAsync(string predictionId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.RetryAsync(tenantId, predictionId, cancellationToken);

    public async Task DeletePredictionAsync(string predictionId, CancellationToken cancellationToken) =>
        await (await ServiceAsync(cancellationToken)).Predictions.DeleteAsync(tenantId, predictionId, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_service is { } service)
        {
            await service.DisposeAsync();
        }

        _opening.Dispose();
    }
}
