using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks record-run RUN_ID [--project P]</c>: records a finished run and creates its prediction.</summary>
public sealed class DatabricksRecordRunCommand(IAnsiConsole console) : AsyncCommand<DatabricksRecordRunCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksSettings
    {
        /// <summary>The run id.</summary>
        [CommandArgument(0, "<RUN_ID>")]
        [Description("The Databricks run id.")]
        public long RunId { get; init; }

        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project, when the run's cluster has no sync:project-id tag.")]
        public string? Project { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = DatabricksCli.Configuration();
        await using var sync = CliClient.Create();
        using var client = DatabricksCli.Create(sync, settings, configuration);
        Console.Error.WriteLine($"Recording run {settings.RunId} (waiting for its event log to be delivered).");
        var recorded = await client.RecordRunAsync(settings.RunId, settings.Project, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return CliClient.Fail(recorded);
        }

        CliClient.Warn(recorded);
        DatabricksRenderer.WriteRecorded(console, settings.Output, recorded.Value);
        return ExitCodes.Success;
    }
}
