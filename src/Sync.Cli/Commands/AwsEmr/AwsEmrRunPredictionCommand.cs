using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary><c>sync-cli aws-emr run-prediction PREDICTION_ID [--preference P] [--code FILE]</c>: starts the next run with a prediction's solution.</summary>
public sealed class AwsEmrRunPredictionCommand(IAnsiConsole console) : AsyncCommand<AwsEmrRunPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The prediction.</summary>
        [CommandArgument(0, "<PREDICTION_ID>")]
        [Description("A successful prediction of a project.")]
        public string Prediction { get; init; } = "";

        /// <summary>The solution.</summary>
        [CommandOption("-p|--preference <PREFERENCE>")]
        [Description("performance, balanced or economy (default: the prediction's).")]
        public Preference? Preference { get; init; }

        /// <summary>The code of the next run.</summary>
        [CommandOption("--code <FILE>")]
        [Description("The next run's main jar or script: a warning comes when it differs from the basis run's.")]
        public string? Code { get; init; }
    }

    /// <inheritdoc/>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        AwsEmrCli.ExecuteAsync(settings, settings.Code, (emr, codeHash) => emr.RunPredictionAsync(settings.Prediction, settings.Preference, codeHash, cancellationToken),
            started => AwsEmrCli.Write(console, settings.Output, started), cancellationToken);
}
