namespace Sync.Clients.Aws.Emr.Model;

/// <summary>A configuration classification (e.g. <c>spark-defaults</c>) with its properties and nested classifications.</summary>
[EmrShape("Configuration")]
public sealed class Configuration
{
    /// <summary>The classification, e.g. <c>spark-defaults</c>.</summary>
    public string? Classification { get; set; }

    /// <summary>Nested classifications.</summary>
    public List<Configuration>? Configurations { get; set; }

    /// <summary>The properties.</summary>
    public Dictionary<string, string>? Properties { get; set; }
}
