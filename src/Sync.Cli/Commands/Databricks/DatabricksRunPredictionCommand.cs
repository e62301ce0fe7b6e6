using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks run-prediction PREDICTION_ID --task TASK [--preference P]</c>: starts the next run with a prediction's configuration.</summary>
public sealed class DatabricksRunPredictionCommand(IAnsiConsole console) : AsyncCommand<DatabricksRunPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksNextRunSettings
    {
        /// <summary>The prediction.</summary>
        [CommandArgument(0, "<PREDICTION_ID>")]
        [Description("The prediction.")]
        public string Prediction { get; init; } = "";
    }

    /// <inheritdoc/>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        DatabricksCli.StartNextRunAsync(console, settings, (client, task) => client.RunPredictionAsync(settings.Prediction, settings.Preference, task, cancellationToken));
}
