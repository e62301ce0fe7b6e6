using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands;

/// <summary>The project fields <c>projects create</c> and <c>projects update</c> take.</summary>
public abstract class ProjectFieldSettings : OutputSettings
{
    /// <summary>The name.</summary>
    [CommandOption("-n|--name <NAME>")]
    [Description("The project's name.")]
    public string? Name { get; init; }

    /// <summary>A description.</summary>
    [CommandOption("--description <TEXT>")]
    [Description("A description.")]
    public string? Description { get; init; }

    /// <summary>The product code.</summary>
    [CommandOption("--product <CODE>")]
    [Description("aws-emr or aws-databricks.")]
    public string? Product { get; init; }

    /// <summary>The application id.</summary>
    [CommandOption("--app-id <ID>")]
    [Description("The Spark application's id or name that identifies its runs.")]
    public string? AppId { get; init; }

    /// <summary>The artifact location.</summary>
    [CommandOption("--artifacts <LOCATION>")]
    [Description("Where runs keep event logs and reports: s3://…, dbfs:/… or a local directory.")]
    public string? Artifacts { get; init; }

    /// <summary>The default preference.</summary>
    [CommandOption("-p|--preference <PREFERENCE>")]
    [Description("performance, balanced or economy.")]
    public Preference? Preference { get; init; }

    /// <summary>The deadline.</summary>
    [CommandOption("--sla <DURATION>")]
    [Description("Deadline of a run, e.g. 45m, 1h30m.")]
    public string? Sla { get; init; }

    /// <summary>The cost ceiling.</summary>
    [CommandOption("--cost-ceiling <USD>")]
    [Description("The most a run may cost, in USD.")]
    public double? CostCeiling { get; init; }

    /// <summary>The deadline as a duration.</summary>
    public TimeSpan? SlaDuration => Sla is null ? null : Durations.Parse(Sla);

    /// <inheritdoc/>
    public override ValidationResult Validate() => Sla is not null && SlaDuration is null
        ? ValidationResult.Error($"--sla '{Sla}' is not a duration such as 45m, 1h30m or 900s")
        : ValidationResult.Success();
}
