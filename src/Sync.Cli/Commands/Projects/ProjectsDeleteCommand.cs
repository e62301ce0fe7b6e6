using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli projects delete ID</c>: deletes the project and its recorded runs.</summary>
public sealed class ProjectsDeleteCommand(IAnsiConsole console) : AsyncCommand<IdSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Projects.DeleteAsync(settings.Id, cancellationToken);
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
            console.MarkupLine($"Deleted project {Markup.Escape(settings.Id)} and its runs.");
        }

        return ExitCodes.Success;
    }
}
