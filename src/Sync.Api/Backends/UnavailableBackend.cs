using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Api.Backends;

/// <summary>The backend of a client whose options are unusable (e.g. an API URL that is not http or https): every call returns <see cref="Error"/>.</summary>
internal sealed class UnavailableBackend(SyncError error) : ISyncBackend
{
    public SyncError Error { get; } = error;

    public bool ReadsLocalPaths => false;

    private Task<T> Fail<T>() => Task.FromException<T>(new SyncErrorException(Error));

    public Task<ProjectDto> CreateProjectAsync(ProjectRequestDto request, CancellationToken cancellationToken) => Fail<ProjectDto>();
    public Task<ProjectDto> GetProjectAsync(string projectId, CancellationToken cancellationToken) => Fail<ProjectDto>();
    public Task<IReadOnlyList<ProjectDto>> ListProjectsAsync(string? appId, CancellationToken cancellationToken) => Fail<IReadOnlyList<ProjectDto>>();
    public Task<ProjectDto> UpdateProjectAsync(string projectId, ProjectRequestDto request, CancellationToken cancellationToken) => Fail<ProjectDto>();
    public Task DeleteProjectAsync(string projectId, CancellationToken cancellationToken) => Fail<bool>();
    public Task<SubmissionDto> CreateRunAsync(string projectId, SubmissionRequestDto request, CancellationToken cancellationToken) => Fail<SubmissionDto>();
    public Task<SubmissionDto> GetRunAsync(string runId, CancellationToken cancellationToken) => Fail<SubmissionDto>();

    public Task<IReadOnlyList<SubmissionDto>> ListRunsAsync(string projectId, CancellationToken cancellationToken) => Fail<IReadOnlyList<SubmissionDto>>();
    public Task<PredictionCreatedDto> CreatePredictionAsync(PredictionRequestDto request, CancellationToken cancellationToken) => Fail<PredictionCreatedDto>();
    public Task<string> GetPredictionReportAsync(string predictionId, CancellationToken cancellationToken) => Fail<string>();

    public Task<PredictionCreatedDto> GetUploadDetailsAsync(string predictionId, CancellationToken cancellationToken) => Fail<PredictionCreatedDto>();

    public Task UploadEventLogAsync(PredictionCreatedDto created, Stream content, string fileName, CancellationToken cancellationToken) => Fail<bool>();
    public Task<PredictionDto> GetPredictionAsync(string predictionId, string? preference, CancellationToken cancellationToken) => Fail<PredictionDto>();
    public Task<PredictionStatusDto> GetPredictionStatusAsync(string predictionId, CancellationToken cancellationToken) => Fail<PredictionStatusDto>();
    public Task<IReadOnlyList<PredictionDto>> ListPredictionsAsync(PredictionQuery query, CancellationToken cancellationToken) => Fail<IReadOnlyList<PredictionDto>>();
    public Task<PredictionStatusDto> RetryPredictionAsync(string predictionId, CancellationToken cancellationToken) => Fail<PredictionStatusDto>();
    public Task DeletePredictionAsync(string predictionId, CancellationToken cancellationToken) => Fail<bool>();
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
