using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions retry ID</c>: queues a failed prediction again.</summary>
public sealed class PredictionsRetryCommand(IAnsiConsole console) : AsyncCommand<IdSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Predictions.RetryAsync(settings.Id, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, new { predictionId = settings.Id, status = PredictionRenderer.Status(response.Value) });
        }
        else
        {
            console.MarkupLine($"Prediction {Markup.Escape(settings.Id)} is {PredictionRenderer.Status(response.Value)}; see it with sync-cli predictions wait {Markup.Escape(settings.Id)}.");
        }

        return ExitCodes.Success;
    }
}
