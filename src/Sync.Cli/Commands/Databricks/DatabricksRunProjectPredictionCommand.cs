using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks run-project-prediction PROJECT --task TASK [--preference P]</c>: starts the next run with the project's latest prediction.</summary>
public sealed class DatabricksRunProjectPredictionCommand(IAnsiConsole console) : AsyncCommand<DatabricksRunProjectPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksTaskSettings
    {
        /// <summary>The project.</summary>
        [CommandArgument(0, "<PROJECT_ID>")]
        [Description("The project.")]
        public string Project { get; init; } = "";

        /// <summary>Which solution.</summary>
        [CommandOption("--preference <PREFERENCE>")]
        [Description("performance, balanced or economy (default: the prediction's preference).")]
        public Preference? Preference { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var task = DatabricksCli.Task(settings.Task!);
        if (!task.IsSuccess)
        {
            return Errors.Report(task.Error!.Message, task.Error.Hint);
        }

        var configuration = DatabricksCli.Configuration();
        await using var sync = CliClient.Create();
        using var client = DatabricksCli.Create(sync, settings, configuration);
        var started = await client.RunProjectPredictionAsync(settings.Project, settings.Preference, task.Value, cancellationToken);
        if (!started.IsSuccess)
        {
            return CliClient.Fail(started);
        }

        CliClient.Warn(started);
        DatabricksRenderer.WriteStarted(console, settings.Output, started.Value);
        return ExitCodes.Success;
    }
}
