using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api;
using Sync.Cli.Rendering;
using Sync.Engine.Clusters;

namespace Sync.Cli.Commands.Databricks;

/// <summary><c>sync-cli databricks get-cluster-report CLUSTER_ID | --run RUN_ID</c>: the cluster report of a terminated cluster or finished run.</summary>
public sealed class DatabricksGetClusterReportCommand(IAnsiConsole console) : AsyncCommand<DatabricksGetClusterReportCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : DatabricksSettings
    {
        /// <summary>The cluster id.</summary>
        [CommandArgument(0, "[CLUSTER_ID]")]
        [Description("The terminated cluster's id.")]
        public string? ClusterId { get; init; }

        /// <summary>The run id.</summary>
        [CommandOption("--run <RUN_ID>")]
        [Description("A finished run instead of a cluster: its cluster, with the run's timings.")]
        public long? RunId { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() => (ClusterId is null) == (RunId is null)
            ? ValidationResult.Error("Give either a cluster id or --run RUN_ID.")
            : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = DatabricksCli.Configuration();
        await using var sync = CliClient.Create();
        using var client = DatabricksCli.Create(sync, settings, configuration);
        Response<ClusterReport> report = settings.RunId is { } runId
            ? await client.GetClusterReportAsync(runId, cancellationToken)
            : await client.GetClusterReportAsync(settings.ClusterId!, cancellationToken);
        if (!report.IsSuccess)
        {
            return CliClient.Fail(report);
        }

        CliClient.Warn(report);
        DatabricksRenderer.WriteReport(console, settings.Output, report.Value);
        return ExitCodes.Success;
    }
}
