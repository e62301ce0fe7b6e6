using System.Text.Json.Serialization;

namespace Sync.Api.Configuration;

/// <summary>The JSON shape of <c>config.json</c> in the user's Sync directory: everything but secrets.</summary>
internal sealed class ConfigFile
{
    [JsonPropertyName("api_url")]
    public string? ApiUrl { get; set; }

    [JsonPropertyName("default_project_id")]
    public string? DefaultProjectId { get; set; }

    [JsonPropertyName("default_preference")]
    public string? DefaultPreference { get; set; }

    [JsonPropertyName("aws_region")]
    public string? AwsRegion { get; set; }

    [JsonPropertyName("aws_profile")]
    public string? AwsProfile { get; set; }

    [JsonPropertyName("databricks_host")]
    public string? DatabricksHost { get; set; }

    [JsonPropertyName("databricks_profile")]
    public string? DatabricksProfile { get; set; }
}

/// <summary>The JSON shape of <c>credentials.json</c> (owner-only permissions): the API key.</summary>
internal sealed class CredentialsFile
{
    [JsonPropertyName("api_key_id")]
    public string? ApiKeyId { get; set; }

    [JsonPropertyName("api_key_secret")]
    public string? ApiKeySecret { get; set; }
}
