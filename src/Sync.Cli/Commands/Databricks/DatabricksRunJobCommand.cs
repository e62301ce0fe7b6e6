using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks run-job SPEC --task TASK [--project P] [--wait]</c>: submits a one-time run on a new cluster prepared for recording.</summary>
public sealed class DatabricksRunJobCommand(IAnsiConsole console) : AsyncCommand<DatabricksRunJobCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksTaskSettings
    {
        /// <summary>The cluster spec file.</summary>
        [CommandArgument(0, "<CLUSTER_SPEC>")]
        [Description("A Clusters API create spec (the new_cluster object) as a JSON file.")]
        public string ClusterSpec { get; init; } = "";

        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The Sync project: tags the cluster and delivers its logs to the project's location (default: the configured project).")]
        public string? Project { get; init; }

        /// <summary>Whether to wait and record.</summary>
        [CommandOption("--wait")]
        [Description("Wait for the run to finish (showing its state), then record it and create its prediction.")]
        public bool Wait { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var specText = DatabricksCli.ReadJsonArgument(settings.ClusterSpec, "cluster spec", out var specError);
        var task = DatabricksCli.Task(settings.Task!);
        if (specError is not null || !task.IsSuccess)
        {
            var error = specError ?? task.Error!;
            return Errors.Report(error.Message, error.Hint);
        }

        var configuration = DatabricksCli.Configuration();
        await using var sync = CliClient.Create();
        using var client = DatabricksCli.Create(sync, settings, configuration);
        var project = settings.Project ?? configuration.DefaultProjectId;
        var started = await client.RunJobAsync(specText!, task.Value, project, cancellationToken);
        if (!started.IsSuccess)
        {
            return CliClient.Fail(started);
        }

        CliClient.Warn(started);
        if (!settings.Wait)
        {
            DatabricksRenderer.WriteStarted(console, settings.Output, started.Value);
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"Started run {started.Value.RunId}{(started.Value.SyncRunId is { } id ? $" (Sync run {id})" : "")}; waiting for it to finish.");
        var waited = await client.WaitForRunAsync(started.Value.RunId, DatabricksCli.Progress(), cancellationToken);
        if (!waited.IsSuccess)
        {
            return CliClient.Fail(waited);
        }

        if (started.Value.SyncRunId is null)
        {
            DatabricksRenderer.WriteStarted(console, settings.Output, started.Value);
            return waited.Value.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }

        Console.Error.WriteLine("Recording the run (waiting for its event log to be delivered).");
        var recorded = await client.RecordRunAsync(started.Value.RunId, project, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return CliClient.Fail(recorded);
        }

        CliClient.Warn(recorded);
        DatabricksRenderer.WriteRecorded(console, settings.Output, recorded.Value);
        return ExitCodes.Success;
    }
}
