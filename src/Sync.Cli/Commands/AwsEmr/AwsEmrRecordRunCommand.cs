using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary><c>sync-cli aws-emr record-run CLUSTER_ID [--project ID] [--code FILE]</c>: records a terminated cluster as a run and creates its prediction.</summary>
public sealed class AwsEmrRecordRunCommand(IAnsiConsole console) : AsyncCommand<AwsEmrRecordRunCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The cluster.</summary>
        [CommandArgument(0, "<CLUSTER_ID>")]
        [Description("The cluster id (j-…).")]
        public string ClusterId { get; init; } = "";

        /// <summary>The project.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project to record the run in (default: the cluster's sync:project-id tag).")]
        public string? Project { get; init; }

        /// <summary>The application's code file to hash.</summary>
        [CommandOption("--code <FILE>")]
        [Description("The application's main jar or script: its SHA-256 is recorded as the run's code hash.")]
        public string? Code { get; init; }
    }

    /// <inheritdoc/>
    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        AwsEmrCli.ExecuteAsync(settings, settings.Code, (emr, codeHash) => emr.RecordRunAsync(settings.ClusterId, settings.Project, codeHash, cancellationToken),
            recorded => AwsEmrCli.Write(console, settings.Output, recorded), cancellationToken);
}
