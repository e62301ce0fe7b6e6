using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Api.Backends;

/// <summary>
/// What the clients need from a backend, in wire-contract DTOs: the embedded one calls <c>Sync.Service</c> in-process,
/// the HTTP one speaks the wire contract. Failures are thrown (<see cref="SyncErrorException"/>,
/// <c>SyncServiceException</c>, transport exceptions) and turned into <see cref="Response"/> errors by the clients.
/// </summary>
internal interface ISyncBackend : IAsyncDisposable
{
    /// <summary>Whether the service reads local paths itself (embedded) rather than needing them uploaded.</summary>
    bool ReadsLocalPaths { get; }

    Task<ProjectDto> CreateProjectAsync(ProjectRequestDto request, CancellationToken cancellationToken);
    Task<ProjectDto> GetProjectAsync(string projectId, CancellationToken cancellationToken);
    Task<IReadOnlyList<ProjectDto>> ListProjectsAsync(string? appId, CancellationToken cancellationToken);
    Task<ProjectDto> UpdateProjectAsync(string projectId, ProjectRequestDto request, CancellationToken cancellationToken);
    Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken);

    Task<SubmissionDto> CreateRunAsync(string projectId, SubmissionRequestDto request, CancellationToken cancellationToken);
    Task<SubmissionDto> GetRunAsync(string runId, CancellationToken cancellationToken);
    Task<IReadOnlyList<SubmissionDto>> ListRunsAsync(string projectId, CancellationToken cancellationToken);

    Task<PredictionCreatedDto> CreatePredictionAsync(PredictionRequestDto request, CancellationToken cancellationToken);
    Task<string> GetPredictionReportAsync(string predictionId, CancellationToken cancellationToken);
    Task<PredictionCreatedDto> GetUploadDetailsAsync(string predictionId, CancellationToken cancellationToken);
    Task UploadEventLogAsync(PredictionCreatedDto created, Stream content, string fileName, CancellationToken cancellationToken);
    Task<PredictionDto> GetPredictionAsync(string predictionId, string? preference, CancellationToken cancellationToken);
    Task<PredictionStatusDto> GetPredictionStatusAsync(string predictionId, CancellationToken cancellationToken);
    Task<IReadOnlyList<PredictionDto>> ListPredictionsAsync(PredictionQuery query, CancellationToken cancellationToken);
    Task<PredictionStatusDto> RetryPredictionAsync(string predictionId, CancellationToken cancellationToken);
    Task DeletePredictionAsync(string predictionId, CancellationToken cancellationToken);
}
