using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary><c>sync-cli aws-emr create-prediction PROJECT_ID [--run RUN_ID] [--wait]</c>: predicts from the project's latest successful run, or the one given.</summary>
public sealed class AwsEmrCreatePredictionCommand(IAnsiConsole console) : AsyncCommand<AwsEmrCreatePredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The project.</summary>
        [CommandArgument(0, "<PROJECT_ID>")]
        [Description("The project.")]
        public string Project { get; init; } = "";

        /// <summary>The run.</summary>
        [CommandOption("--run <RUN_ID>")]
        [Description("The recorded run to predict from (default: the project's latest successful run).")]
        public string? Run { get; init; }

        /// <summary>Whether to wait.</summary>
        [CommandOption("--wait")]
        [Description("Wait for the prediction to finish (its status goes to standard error), then show it.")]
        public bool Wait { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var sync = CliClient.Create();
        using var emr = await AwsEmrCli.CreateAsync(settings, sync);
        var created = await emr.CreateProjectPredictionAsync(settings.Project, settings.Run, cancellationToken);
        if (!created.IsSuccess)
        {
            return CliClient.Fail(created);
        }

        CliClient.Warn(created);
        if (!settings.Wait)
        {
            return PredictionOutput.Write(console, settings.Output, created.Value, brief: true);
        }

        var finished = await sync.Predictions.WaitForPredictionAsync(created.Value.Id, PredictionOutput.DefaultWait, PredictionOutput.Progress(created.Value.Id), cancellationToken);
        return finished.IsSuccess ? PredictionOutput.Write(console, settings.Output, finished.Value, brief: false) : CliClient.Fail(finished);
    }
}
