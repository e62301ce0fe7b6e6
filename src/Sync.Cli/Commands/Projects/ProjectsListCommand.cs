using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli projects list [--app-id ID]</c>.</summary>
public sealed class ProjectsListCommand(IAnsiConsole console) : AsyncCommand<ProjectsListCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>Only this application's projects.</summary>
        [CommandOption("--app-id <ID>")]
        [Description("Only projects of this application id.")]
        public string? AppId { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Projects.ListAsync(settings.AppId, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, response.Value);
        }
        else if (response.Value.Count == 0)
        {
            console.MarkupLine("No projects yet: create one with [bold]sync-cli projects create --name NAME[/].");
        }
        else
        {
            ProjectRenderer.WriteTable(console, response.Value);
        }

        return ExitCodes.Success;
    }
}
