using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sync.Cli.Commands.AwsEmr;

/// <summary><c>sync-cli aws-emr get-cluster-report CLUSTER_ID [--output json]</c>: the cluster report of an EMR cluster (docs/cluster-report.md).</summary>
public sealed class AwsEmrGetClusterReportCommand(IAnsiConsole console) : AsyncCommand<AwsEmrGetClusterReportCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : AwsEmrSettings
    {
        /// <summary>The cluster.</summary>
        [CommandArgument(0, "<CLUSTER_ID>")]
        [Description("The cluster id (j-…).")]
        public string ClusterId { get; init; } = "";
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await using var sync = CliClient.Create();
        using var emr = await AwsEmrCli.CreateAsync(settings, sync);
        var response = await emr.GetClusterReportAsync(settings.ClusterId, cancellationToken);
        if (!response.IsSuccess)
        {
            return CliClient.Fail(response);
        }

        CliClient.Warn(response);
        var report = response.Value;
        if (settings.Output == OutputFormat.Json)
        {
            using var document = JsonDocument.Parse(report.ToJson());
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        console.MarkupLine($"Cluster [bold]{Markup.Escape(settings.ClusterId)}[/] in {Markup.Escape(report.Region)}, {Markup.Escape(report.RuntimeVersion ?? "unknown release")}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Role").AddColumn("Instance type").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Market");
        foreach (var node in report.Nodes)
        {
            table.AddRow(Markup.Escape(node.Role), Markup.Escape(node.InstanceType), node.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(node.Market));
        }

        console.Write(table);
        var timeline = report.Timeline;
        console.MarkupLine($"Requested {timeline.Requested:u}, terminated {timeline.Terminated:u} ({Rendering.Format.Duration((long)(timeline.Terminated - timeline.Requested).TotalMilliseconds)}).");
        return ExitCodes.Success;
    }
}
