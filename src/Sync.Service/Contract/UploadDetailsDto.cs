using System.Text.Json.Serialization;

namespace Sync.Service.Contract;

/// <summary>
/// Where to upload a prediction's event log: a multipart/form-data <c>POST</c> to <see cref="Url"/> (absolute, or
/// relative to the API's base address) with every one of <see cref="Fields"/> as a form field, then the log as the
/// part named <c>file</c>. The bearer token is sent with it when the URL is on the API's own host.
/// </summary>
public sealed class UploadDetailsDto
{
    /// <summary>Where to POST the upload.</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = "";

    /// <summary>Form fields to send before the file.</summary>
    [JsonPropertyName("fields")]
    public Dictionary<string, string> Fields { get; init; } = [];
}
