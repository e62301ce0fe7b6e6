using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli predictions delete ID</c>.</summary>
public sealed class PredictionsDeleteCommand(IAnsiConsole console) : AsyncCommand<IdSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Predictions.DeleteAsync(settings.Id, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, new { deleted = settings.Id });
        }
        else
        {
            console.MarkupLine($"Deleted prediction {Markup.Escape(settings.Id)}.");
        }

        return ExitCodes.Success;
    }
}
