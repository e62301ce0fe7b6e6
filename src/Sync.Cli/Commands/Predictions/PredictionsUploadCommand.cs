using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions upload ID LOG</c>: sends the event log of a prediction still awaiting it (after an interrupted upload).</summary>
public sealed class PredictionsUploadCommand(IAnsiConsole console) : AsyncCommand<PredictionsUploadCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : IdSettings
    {
        /// <summary>The event log file or archive.</summary>
        [CommandArgument(1, "<EVENT_LOG>")]
        [Description("The event log: a file or an archive (zip a directory first).")]
        public string EventLog { get; init; } = "";
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Predictions.UploadEventLogAsync(settings.Id, settings.EventLog, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            return PredictionOutput.Write(console, settings.Output, response.Value, brief: true);
        }

        console.MarkupLine($"Uploaded; prediction {Markup.Escape(settings.Id)} is queued. Follow it with sync-cli predictions wait {Markup.Escape(settings.Id)}.");
        return ExitCodes.Success;
    }
}
