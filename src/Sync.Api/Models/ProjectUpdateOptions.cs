using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>What <see cref="ProjectsClient.UpdateAsync"/> changes: members left <see langword="null"/> keep their value.</summary>
public sealed class ProjectUpdateOptions
{
    /// <summary>A new name.</summary>
    public string? Name { get; set; }

    /// <summary>A new description.</summary>
    public string? Description { get; set; }

    /// <summary>A new product code.</summary>
    public string? ProductCode { get; set; }

    /// <summary>A new application id.</summary>
    public string? AppId { get; set; }

    /// <summary>A new artifact location.</summary>
    public string? ArtifactLocation { get; set; }

    /// <summary>A new default preference.</summary>
    public Preference? Preference { get; set; }

    /// <summary>A new deadline.</summary>
    public TimeSpan? Sla { get; set; }

    /// <summary>A new cost ceiling in USD.</summary>
    public double? CostCeilingUsd { get; set; }
}
