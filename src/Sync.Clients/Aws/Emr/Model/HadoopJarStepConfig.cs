namespace Sync.Clients.Aws.Emr.Model;

/// <summary>The JAR a step runs.</summary>
[EmrShape("HadoopJarStepConfig")]
public sealed class HadoopJarStepConfig
{
    /// <summary>Java properties.</summary>
    public List<KeyValue>? Properties { get; set; }

    /// <summary>The JAR path (e.g. <c>command-runner.jar</c>). Required.</summary>
    public required string Jar { get; set; }

    /// <summary>The main class.</summary>
    public string? MainClass { get; set; }

    /// <summary>The arguments.</summary>
    public List<string>? Args { get; set; }
}
