using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary>
/// <c>sync-cli aws-emr run-job-flow SPEC.json [--project ID] [--wait]</c>: starts a cluster from a RunJobFlow request;
/// with a project, prepared for a recorded run; with <c>--wait</c>, waits until it terminates (showing its state) and
/// records it when a project was given.
/// </summary>
public sealed class AwsEmrRunJobFlowCommand(IAnsiConsole console) : AsyncCommand<AwsEmrRunJobFlowCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The RunJobFlow request file.</summary>
        [CommandArgument(0, "<SPEC>")]
        [Description("A RunJobFlow request as JSON (as in the EMR API reference), or - for standard input.")]
        public string Spec { get; init; } = "";

        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("Start it as a run of this project: tags, event logging to the project's location, the request saved beside the run.")]
        public string? Project { get; init; }

        /// <summary>Whether to wait for the cluster.</summary>
        [CommandOption("--wait")]
        [Description("Wait until the cluster terminates (its state goes to standard error); with --project, then record the run.")]
        public bool Wait { get; init; }

        /// <summary>How often to ask EMR while waiting.</summary>
        [CommandOption("--poll-interval <DURATION>")]
        [Description("How often to ask EMR for the cluster's state while waiting (default 30s).")]
        public string? PollInterval { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() => PollInterval is not null && Durations.Parse(PollInterval) is null
            ? ValidationResult.Error($"--poll-interval '{PollInterval}' is not a duration such as 10s or 1m")
            : base.Validate();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string spec;
        try
        {
            spec = settings.Spec == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(settings.Spec, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Errors.Report($"Cannot read the RunJobFlow request '{settings.Spec}': {e.Message}", "Check the path of the request file.");
        }

        await using var sync = CliClient.Create();
        using var emr = await AwsEmrCli.CreateAsync(settings, sync, settings.PollInterval is null ? null : Durations.Parse(settings.PollInterval));
        var started = await emr.RunJobFlowAsync(spec, settings.Project, cancellationToken);
        if (!started.IsSuccess)
        {
            return CliClient.Fail(started);
        }

        CliClient.Warn(started);
        if (!settings.Wait)
        {
            AwsEmrCli.Write(console, settings.Output, started.Value);
            return ExitCodes.Success;
        }

        if (settings.Output != OutputFormat.Json)
        {
            AwsEmrCli.Write(console, settings.Output, started.Value);
        }

        var ended = await emr.WaitForClusterAsync(started.Value.ClusterId, AwsEmrCli.Progress(), cancellationToken);
        if (!ended.IsSuccess)
        {
            return CliClient.Fail(ended);
        }

        if (settings.Project is null)
        {
            if (settings.Output == OutputFormat.Json)
            {
                CliJson.Write(console, new { run = EmrRunRenderer.ToJson(started.Value), state = ended.Value.State, reason = ended.Value.Reason });
            }

            return ended.Value.IsFailed ? ExitCodes.Failed : ExitCodes.Success;
        }

        var recorded = await emr.RecordRunAsync(started.Value.ClusterId, settings.Project, null, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return CliClient.Fail(recorded);
        }

        CliClient.Warn(recorded);
        AwsEmrCli.Write(console, settings.Output, recorded.Value);
        return recorded.Value.Run.Status == Sync.Api.Models.RunStatus.Failed ? ExitCodes.Failed : ExitCodes.Success;
    }
}
