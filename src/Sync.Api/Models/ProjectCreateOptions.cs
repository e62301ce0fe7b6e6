using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>What <see cref="ProjectsClient.CreateAsync"/> creates; <see cref="Name"/> is required.</summary>
public sealed class ProjectCreateOptions
{
    /// <summary>Creates options with the project's name.</summary>
    /// <param name="name">The name.</param>
    public ProjectCreateOptions(string name)
    {
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; set; }

    /// <summary>A description.</summary>
    public string? Description { get; set; }

    /// <summary><c>aws-emr</c> or <c>aws-databricks</c>.</summary>
    public string? ProductCode { get; set; }

    /// <summary>The Spark application's id or name.</summary>
    public string? AppId { get; set; }

    /// <summary>Where runs keep event logs and reports: <c>s3://…</c>, <c>dbfs:/…</c> or a local directory.</summary>
    public string? ArtifactLocation { get; set; }

    /// <summary>The default preference (balanced when not set).</summary>
    public Preference? Preference { get; set; }

    /// <summary>The deadline of a run.</summary>
    public TimeSpan? Sla { get; set; }

    /// <summary>The most a run may cost, in USD.</summary>
    public double? CostCeilingUsd { get; set; }
}
