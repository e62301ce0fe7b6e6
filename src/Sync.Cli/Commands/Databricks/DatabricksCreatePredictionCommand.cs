using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks create-prediction PROJECT [--run RUN]</c>: predicts from the project's latest successful run (or the one named) and shows the solutions.</summary>
public sealed class DatabricksCreatePredictionCommand(IAnsiConsole console) : AsyncCommand<DatabricksCreatePredictionCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksSettings
    {
        /// <summary>The project.</summary>
        [CommandArgument(0, "<PROJECT_ID>")]
        [Description("The project.")]
        public string Project { get; init; } = "";

        /// <summary>A recorded run.</summary>
        [CommandOption("--run <SYNC_RUN_ID>")]
        [Description("A recorded run of the project to predict from (default: its latest successful run).")]
        public string? Run { get; init; }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = DatabricksCli.Configuration();
        await using var sync = CliClient.Create();
        using var client = DatabricksCli.Create(sync, settings, configuration);
        Console.Error.WriteLine($"Predicting from {(settings.Run is null ? $"project {settings.Project}'s latest successful run" : $"run {settings.Run}")}.");
        var prediction = await client.CreateProjectPredictionAsync(settings.Project, settings.Run, cancellationToken);
        if (!prediction.IsSuccess)
        {
            return CliClient.Fail(prediction);
        }

        CliClient.Warn(prediction);
        return PredictionOutput.Write(console, settings.Output, prediction.Value, brief: false);
    }
}
