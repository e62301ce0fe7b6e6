using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks run-project-prediction PROJECT --task TASK [--preference P]</c>: starts the next run with the project's latest prediction.</summary>
public sealed class DatabricksRunProjectPredictionCommand(IAnsiConsole console) : AsyncCommand<DatabricksRunProjectPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksNextRunSettings
    {
        /// <summary>The project.</summary>
        [CommandArgument(0, "<PROJECT_ID>")]
        [Description("The project.")]
        public string Project { get; init; } = "";
    }

    /// <inheritdoc/>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        DatabricksCli.StartNextRunAsync(console, settings, (client, task) => client.RunProjectPredictionAsync(settings.Project, settings.Preference, task, cancellationToken));
}
