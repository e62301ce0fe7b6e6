using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A step of a cluster.</summary>
[EmrShape("StepSummary")]
public sealed class StepSummary
{
    /// <summary>The id (<c>s-…</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The name.</summary>
    public string? Name { get; set; }

    /// <summary>What it runs.</summary>
    public HadoopStepConfig? Config { get; set; }

    /// <summary><see cref="ActionOnFailure"/>.</summary>
    public string? ActionOnFailure { get; set; }

    /// <summary>State, reason, failure and timeline.</summary>
    public StepStatus? Status { get; set; }

    /// <summary>Members of the EMR shape that this type does not model, kept as they came so that nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
