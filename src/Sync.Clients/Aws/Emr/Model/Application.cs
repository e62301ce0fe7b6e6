using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>An application installed on the cluster.</summary>
[EmrShape("Application")]
public sealed class Application
{
    /// <summary>The name, e.g. <c>Spark</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The version.</summary>
    public string? Version { get; set; }

    /// <summary>Arguments.</summary>
    public List<string>? Args { get; set; }

    /// <summary>Extra settings.</summary>
    public Dictionary<string, string>? AdditionalInfo { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
