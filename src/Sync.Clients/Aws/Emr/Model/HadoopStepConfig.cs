namespace Sync.Clients.Aws.Emr.Model;

/// <summary>What a step runs, as <c>ListSteps</c> describes it.</summary>
[EmrShape("HadoopStepConfig")]
public sealed class HadoopStepConfig
{
    /// <summary>The JAR.</summary>
    public string? Jar { get; set; }

    /// <summary>Java properties.</summary>
    public Dictionary<string, string>? Properties { get; set; }

    /// <summary>The main class.</summary>
    public string? MainClass { get; set; }

    /// <summary>The arguments.</summary>
    public List<string>? Args { get; set; }
}
