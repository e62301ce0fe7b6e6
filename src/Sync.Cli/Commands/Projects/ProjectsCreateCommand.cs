using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli projects create --name N [...]</c>.</summary>
public sealed class ProjectsCreateCommand(IAnsiConsole console) : AsyncCommand<ProjectsCreateCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : ProjectFieldSettings
    {
        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is required") : base.Validate();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Projects.CreateAsync(new ProjectCreateOptions(settings.Name!)
        {
            Description = settings.Description, ProductCode = settings.Product, AppId = settings.AppId, ArtifactLocation = settings.Artifacts,
            Preference = settings.Preference, Sla = settings.SlaDuration, CostCeilingUsd = settings.CostCeiling,
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
