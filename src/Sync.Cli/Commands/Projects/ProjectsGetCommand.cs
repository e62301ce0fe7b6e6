using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli projects get ID</c>.</summary>
public sealed class ProjectsGetCommand(IAnsiConsole console) : AsyncCommand<IdSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, IdSettings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Projects.GetAsync(settings.Id, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, response.Value);
        }
        else
        {
            ProjectRenderer.WriteDetails(console, response.Value);
        }

        return ExitCodes.Success;
    }
}
