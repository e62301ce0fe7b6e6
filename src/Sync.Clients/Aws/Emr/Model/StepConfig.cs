using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A step to run.</summary>
[EmrShape("StepConfig")]
public sealed class StepConfig
{
    /// <summary>The step name. Required.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="ActionOnFailure"/>.</summary>
    public string? ActionOnFailure { get; set; }

    /// <summary>The JAR to run. Required.</summary>
    public required HadoopJarStepConfig HadoopJarStep { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
