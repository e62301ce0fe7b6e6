using Sync.Api.Models;
using Sync.Engine.Recommendations;
using Sync.Service;
using Sync.Service.Contract;

namespace Sync.Api.Backends;

/// <summary>Wire DTOs → public models, and public options → request DTOs.</summary>
internal static class ModelMapper
{
    public static Project ToModel(ProjectDto dto) => new(
        dto.Id, dto.Name, dto.Description, dto.ProductCode, dto.AppId, dto.ArtifactUrl, ParsePreference(dto.PredictionPreference),
        Seconds(dto.SlaSeconds), dto.CostCeilingUsd, dto.CreatedAt, dto.UpdatedAt);

    public static ProjectRequestDto ToRequest(ProjectCreateOptions options) => new()
    {
        Name = options.Name, Description = options.Description, ProductCode = options.ProductCode, AppId = options.AppId,
        ArtifactUrl = options.ArtifactLocation, PredictionPreference = Wire(options.Preference), SlaSeconds = options.Sla?.TotalSeconds,
        CostCeilingUsd = options.CostCeilingUsd,
    };

    public static ProjectRequestDto ToRequest(ProjectUpdateOptions options) => new()
    {
        Name = options.Name, Description = options.Description, ProductCode = options.ProductCode, AppId = options.AppId,
        ArtifactUrl = options.ArtifactLocation, PredictionPreference = Wire(options.Preference), SlaSeconds = options.Sla?.TotalSeconds,
        CostCeilingUsd = options.CostCeilingUsd,
    };

    public static Run ToModel(SubmissionDto dto) => new(
        dto.SubmissionId, dto.ProjectId, dto.Product, dto.ClusterReport.GetRawText(), dto.EventLogUri, dto.CodeHash, Seconds(dto.RuntimeSeconds),
        dto.CostUsd, dto.CreatedAt)
    {
        Status = dto.Status == RunStatuses.Failed ? RunStatus.Failed : RunStatus.Succeeded,
        StatusMessage = dto.StatusMessage,
    };

    public static Prediction ToModel(PredictionDto dto) => new(
        dto.PredictionId, dto.ProjectId, dto.RunId, dto.ApplicationId, dto.ApplicationName, dto.ProductCode, dto.ProductName, ParseStatus(dto.Status),
        dto.Error is null ? null : ErrorMapping.FromPredictionError(dto.Error), dto.Retryable, dto.Attempts, ParsePreference(dto.Preference),
        Seconds(dto.SlaSeconds), dto.CodeHash, dto.EventLog, dto.Basis is null ? null : ToModel(dto.Basis),
        (dto.Solutions ?? []).ToDictionary(s => s.Key, s => ToModel(s.Value)),
        (dto.Front ?? []).Select(f => new FrontPoint(f.WorkerNodes, TimeSpan.FromSeconds(f.Metrics.Runtime), f.Metrics.Cost) { WorkerInstanceType = f.WorkerInstanceType }).ToList(),
        dto.Candidates, ToWarnings(dto.Warnings), dto.EngineWarnings ?? [], dto.CreatedAt, dto.UpdatedAt)
    {
        ReconstructionError = dto.ReconstructionError,
        CatalogDate = dto.CatalogDate,
    };

    public static IReadOnlyList<SyncWarning> ToWarnings(IEnumerable<WarningDto>? warnings) =>
        (warnings ?? []).Select(w => new SyncWarning(w.Code, w.Message)).ToList();

    public static PredictionStatus ParseStatus(string status) => status switch
    {
        PredictionStatuses.AwaitingUpload => PredictionStatus.AwaitingUpload,
        PredictionStatuses.Pending => PredictionStatus.Pending,
        PredictionStatuses.Running => PredictionStatus.Running,
        PredictionStatuses.Success => PredictionStatus.Success,
        PredictionStatuses.Failure => PredictionStatus.Failure,
        _ => throw new SyncErrorException(new SyncError(SyncErrorKind.Service, $"The service reported an unknown prediction status '{status}'.",
            "Update Sync to a version that knows it.")),
    };

    public static string ToWire(PredictionStatus status) => status switch
    {
        PredictionStatus.AwaitingUpload => PredictionStatuses.AwaitingUpload,
        PredictionStatus.Pending => PredictionStatuses.Pending,
        PredictionStatus.Running => PredictionStatuses.Running,
        PredictionStatus.Success => PredictionStatuses.Success,
        _ => PredictionStatuses.Failure,
    };

    public static string? Wire(Preference? preference) => preference is { } p ? Preferences.ToWire(p) : null;

    private static SolutionSummary ToModel(SolutionDto dto) => new(
        TimeSpan.FromSeconds(dto.Metrics.Runtime), dto.Metrics.Cost,
        dto.Metrics.RuntimeInterval is { } i ? new RuntimeInterval(TimeSpan.FromSeconds(i.P10), TimeSpan.FromSeconds(i.P50), TimeSpan.FromSeconds(i.P90)) : null,
        dto.WorkerNodes, dto.Executors, dto.CoresPerExecutor,
        dto.Configuration.ValueKind == System.Text.Json.JsonValueKind.Undefined ? "{}" : dto.Configuration.GetRawText(), dto.Warnings ?? [])
    {
        WorkerInstanceType = dto.WorkerInstanceType,
        Changes = dto.Changes ?? [],
        PlatformConfigurationJson = dto.PlatformConfiguration is { ValueKind: not System.Text.Json.JsonValueKind.Undefined and not System.Text.Json.JsonValueKind.Null } spec ? spec.GetRawText() : null,
    };

    private static Preference ParsePreference(string? text) => Preferences.TryParse(text, out var preference) ? preference : Preference.Balanced;

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
