using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>The result of <c>POST /v1/autotuner/predictions</c> (HTTP 202).</summary>
public sealed class PredictionCreatedDto
{
    /// <summary>The new prediction's id.</summary>
    [JsonPropertyName("prediction_id")]
    public string PredictionId { get; init; } = "";

    /// <summary>Its status: <see cref="PredictionStatuses.Pending"/>, or <see cref="PredictionStatuses.AwaitingUpload"/>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>Where to upload the event log when the request named none; filled in by the server.</summary>
    [JsonPropertyName("upload_details")]
    public UploadDetailsDto? UploadDetails { get; init; }

    /// <summary>Warnings, such as <c>code_hash_changed</c>.</summary>
    [JsonPropertyName("warnings")]
    public List<WarningDto> Warnings { get; init; } = [];
}
