using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli runs list --project ID</c>.</summary>
public sealed class RunsListCommand(IAnsiConsole console) : AsyncCommand<RunsListCommand.Settings>
{
    /// <summary>Options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project whose runs to list.")]
        public string? Project { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Project) ? ValidationResult.Error("--project is required") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var client = CliClient.Create();
        var response = await client.Runs.ListAsync(settings.Project!, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        if (settings.Output == OutputFormat.Json)
        {
            CliJson.Write(console, response.Value.Select(RunRenderer.ToJson));
        }
        else if (response.Value.Count == 0)
        {
            console.MarkupLine("No runs recorded in this project yet: record one with [bold]sync-cli runs create[/].");
        }
        else
        {
            RunRenderer.WriteTable(console, response.Value);
        }

        return ExitCodes.Success;
    }
}
