using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions wait ID [--timeout D]</c>: waits for the prediction to finish, showing its status as it changes.</summary>
public sealed class PredictionsWaitCommand(IAnsiConsole console) : AsyncCommand<PredictionsWaitCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : IdSettings
    {
        /// <summary>How long to wait.</summary>
        [CommandOption("--timeout <DURATION>")]
        [Description("How long to wait at most, e.g. 10m (default 30m).")]
        public string? Timeout { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() => Timeout is not null && Durations.Parse(Timeout) is null
            ? ValidationResult.Error($"--timeout '{Timeout}' is not a duration such as 45m, 1h30m or 900s")
            : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var timeout = settings.Timeout is null ? PredictionOutput.DefaultWait : Durations.Parse(settings.Timeout)!.Value;
        var response = await client.Predictions.WaitForPredictionAsync(settings.Id, timeout, PredictionOutput.Progress(settings.Id), cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        CliClient.Warn(response);
        return PredictionOutput.Write(console, settings.Output, response.Value, brief: false);
    }
}
