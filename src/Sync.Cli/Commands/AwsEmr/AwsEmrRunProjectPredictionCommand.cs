using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary>
/// <c>sync-cli aws-emr run-project-prediction PROJECT_ID [--preference P]</c>: starts the project's next run with its
/// latest successful prediction, predicting (and waiting) first when it has none.
/// </summary>
public sealed class AwsEmrRunProjectPredictionCommand(IAnsiConsole console) : AsyncCommand<AwsEmrRunProjectPredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The project.</summary>
        [CommandArgument(0, "<PROJECT_ID>")]
        [Description("The project.")]
        public string Project { get; init; } = "";

        /// <summary>The solution.</summary>
        [CommandOption("-p|--preference <PREFERENCE>")]
        [Description("performance, balanced or economy (default: the prediction's).")]
        public Preference? Preference { get; init; }
    }

    /// <inheritdoc/>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        AwsEmrCli.ExecuteAsync(settings, null, (emr, _) => emr.RunProjectPredictionAsync(settings.Project, settings.Preference, cancellationToken),
            started => AwsEmrCli.Write(console, settings.Output, started), cancellationToken);
}
