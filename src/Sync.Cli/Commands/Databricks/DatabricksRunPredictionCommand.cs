using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks run-prediction PREDICTION_ID --task TASK [--preference P]</c>: starts the next run with a prediction's configuration.</summary>
public sealed class DatabricksRunPredictionCommand(IAnsiConsole console) : AsyncCommand<DatabricksRunPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksTaskSettings
    {
        /// <summary>The prediction.</summary>
        [CommandArgument(0, "<PREDICTION_ID>")]
        [Description("The prediction.")]
        public string Prediction { get; init; } = "";

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
        var started = await client.RunPredictionAsync(settings.Prediction, settings.Preference, task.Value, cancellationToken);
        if (!started.IsSuccess)
        {
            return CliClient.Fail(started);
        }

        CliClient.Warn(started);
        DatabricksRenderer.WriteStarted(console, settings.Output, started.Value);
        return ExitCodes.Success;
    }
}
