using Sync.Engine.Recommendations;

namespace Sync.Api.Models;

/// <summary>A project: one recurring Spark application, with where its runs keep their artifacts and what to optimise for.</summary>
/// <param name="Id">The project's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">A description, if any.</param>
/// <param name="ProductCode"><c>aws-emr</c> or <c>aws-databricks</c>, if set.</param>
/// <param name="AppId">The Spark application's id or name, if set.</param>
/// <param name="ArtifactLocation">Where runs keep event logs and reports (<c>s3://…</c>, <c>dbfs:/…</c> or a local directory), if set.</param>
/// <param name="Preference">The default preference of its predictions.</param>
/// <param name="Sla">The deadline of a run, if set.</param>
/// <param name="CostCeilingUsd">The most a run may cost in USD, if set.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record Project(
    string Id, string Name, string? Description, string? ProductCode, string? AppId, string? ArtifactLocation, Preference Preference,
    TimeSpan? Sla, double? CostCeilingUsd, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
