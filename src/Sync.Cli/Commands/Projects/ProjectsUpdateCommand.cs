using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli projects update ID [--name N] [...]</c>: changes only the fields given.</summary>
public sealed class ProjectsUpdateCommand(IAnsiConsole console) : AsyncCommand<ProjectsUpdateCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : ProjectFieldSettings
    {
        /// <summary>The project's id.</summary>
        [CommandArgument(0, "<ID>")]
        [Description("The project's id.")]
        public string Id { get; init; } = "";
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Projects.UpdateAsync(settings.Id, new ProjectUpdateOptions
        {
            Name = settings.Name, Description = settings.Description, ProductCode = settings.Product, AppId = settings.AppId,
            ArtifactLocation = settings.Artifacts, Preference = settings.Preference, Sla = settings.SlaDuration, CostCeilingUsd = settings.CostCeiling,
        }, cancellationToken);
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
