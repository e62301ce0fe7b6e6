using System.Text.Json;
using Sync.Service.Contract;
using Sync.Service.Storage;

namespace Sync.Service.Predictions;

/// <summary>Builds the wire <see cref="PredictionDto"/> from a stored row and its result document.</summary>
internal static class PredictionMapper
{
    public static PredictionDto ToDto(PredictionRow row, string? preference)
    {
        var result = row.ResultJson is null ? null : JsonSerializer.Deserialize<PredictionResultDto>(row.ResultJson, ContractJson.Options);
        var solutions = result?.Solutions;
        if (solutions is not null && preference is not null)
        {
            var key = preference == "economy" && solutions.ContainsKey("within_sla") ? "within_sla" : preference;
            solutions = solutions.Where(s => s.Key == key).ToDictionary(s => s.Key, s => s.Value);
        }

        return new PredictionDto
        {
            PredictionId = row.Id,
            ProjectId = row.ProjectId,
            RunId = row.RunId,
            ApplicationId = result?.ApplicationId,
            ApplicationName = row.ApplicationName ?? result?.ApplicationName,
            CreatedAt = Time.FromMs(row.CreatedAtMs),
            UpdatedAt = Time.FromMs(row.UpdatedAtMs),
            ProductCode = row.ProductCode,
            ProductName = Products.NameOf(row.ProductCode),
            Status = row.Status,
            Error = row.ErrorCode is null ? null : new ErrorDto { Code = row.ErrorCode, Message = row.ErrorMessage ?? "", Detail = row.ErrorHint },
            Retryable = row.Retryable,
            Attempts = row.Attempts,
            Preference = row.Preference,
            SlaSeconds = row.SlaSeconds,
            CodeHash = row.CodeHash,
            Warnings = Warnings(row),
            EventLog = row.EventLogUrl ?? (row.UploadPath is null ? null : $"upload://{row.Id}/{Path.GetFileName(row.UploadPath)}"),
            Basis = result?.Basis,
            Solutions = solutions,
            Front = result?.Front,
            Candidates = result?.Candidates,
            EngineWarnings = result?.EngineWarnings,
            ReconstructionError = result?.ReconstructionError,
            CatalogDate = result?.CatalogDate,
        };
    }

    public static List<WarningDto> Warnings(PredictionRow row) => row.WarningsJson is null
        ? []
        : JsonSerializer.Deserialize<List<WarningDto>>(row.WarningsJson, ContractJson.Options) ?? [];
}
