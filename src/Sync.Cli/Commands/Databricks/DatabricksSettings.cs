using System.ComponentModel;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.Databricks;

/// <summary>How every <c>sync-cli databricks</c> command reaches the workspace: <c>--profile</c>, <c>--host</c>, and the output format.</summary>
public class DatabricksSettings : OutputSettings
{
    /// <summary>The profile of <c>~/.databrickscfg</c>.</summary>
    [CommandOption("--profile <PROFILE>")]
    [Description("Profile of ~/.databrickscfg (default: DATABRICKS_HOST/DATABRICKS_TOKEN, else the configured profile, else DEFAULT).")]
    public string? Profile { get; init; }

    /// <summary>The workspace URL.</summary>
    [CommandOption("--host <URL>")]
    [Description("Workspace URL, e.g. https://dbc-1234.cloud.databricks.com (the token still comes from DATABRICKS_TOKEN or the profile).")]
    public string? Host { get; init; }
}

/// <summary>Settings of the commands that start a run: the task to run.</summary>
public class DatabricksTaskSettings : DatabricksSettings
{
    /// <summary>The task: a JSON file or inline JSON.</summary>
    [CommandOption("--task <TASK>")]
    [Description("The task: a JSON file or inline JSON holding one of spark_python_task, spark_jar_task, notebook_task, spark_submit_task.")]
    public string? Task { get; init; }

    /// <inheritdoc/>
    public override Spectre.Console.ValidationResult Validate() => string.IsNullOrWhiteSpace(Task)
        ? Spectre.Console.ValidationResult.Error("--task is required: a JSON file or inline JSON, e.g. --task '{\"spark_python_task\": {\"python_file\": \"dbfs:/jobs/etl.py\"}}'")
        : Spectre.Console.ValidationResult.Success();
}

/// <summary>Options of the commands that start the next run with a prediction's solution.</summary>
public class DatabricksNextRunSettings : DatabricksTaskSettings
{
    /// <summary>Which solution.</summary>
    [Description("performance, balanced or economy (default: the prediction's preference).")]
    [CommandOption("--preference <PREFERENCE>")]
    public Sync.Engine.Recommendations.Preference? Preference { get; init; }
}
