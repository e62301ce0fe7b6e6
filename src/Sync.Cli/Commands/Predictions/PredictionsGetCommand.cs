using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions get ID</c>: the prediction's solutions once it succeeded, otherwise its status or error.</summary>
public sealed class PredictionsGetCommand(IAnsiConsole console) : AsyncCommand<PredictionsGetCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : IdSettings
    {
        /// <summary>Show only this solution.</summary>
        [CommandOption("-p|--preference <PREFERENCE>")]
        [Description("Show only this solution: performance, balanced or economy.")]
        public Preference? Preference { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Predictions.GetAsync(settings.Id, settings.Preference, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        CliClient.Warn(response);
        return PredictionOutput.Write(console, settings.Output, response.Value, brief: false);
    }
}
