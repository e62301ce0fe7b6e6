using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sync.AwsDatabricks.Runs;
using Sync.Cli.Commands;
using Sync.Engine.Clusters;

namespace Sync.Cli.Rendering;

/// <summary>What the <c>sync-cli databricks</c> commands print: started runs, recorded runs and cluster reports, as text or JSON.</summary>
internal static class DatabricksRenderer
{
    public static void WriteStarted(IAnsiConsole console, OutputFormat output, StartedRun run)
    {
        var spec = run.Spec;
        if (output == OutputFormat.Json)
        {
            CliJson.Write(console, new
            {
                runId = run.RunId,
                syncRunId = run.SyncRunId,
                projectId = run.ProjectId,
                runFolder = run.Location?.Root,
                clusterReportLocation = run.Location?.ClusterReportLocation,
                runPageUrl = run.RunPageUrl,
                newCluster = JsonDocument.Parse(spec.ToJsonString()).RootElement,
            });
            return;
        }

        var size = spec["autoscale"] is { } range
            ? $"{range["min_workers"]}-{range["max_workers"]} workers (autoscaling)"
            : $"{spec["num_workers"]} worker(s)";
        console.MarkupLine($"Started run [bold]{run.RunId}[/]{(run.SyncRunId is { } id ? $" (Sync run [bold]{Markup.Escape(id)}[/], project {Markup.Escape(run.ProjectId!)})" : "")}.");
        console.MarkupLine($"Cluster: {Markup.Escape(spec["node_type_id"]?.ToString() ?? "(instance pool)")} × {Markup.Escape(size)}, driver {Markup.Escape(spec["driver_node_type_id"]?.ToString() ?? "same type")}, runtime {Markup.Escape(spec["spark_version"]?.ToString() ?? "-")}.");
        if (run.Location is { } location)
        {
            console.MarkupLine($"Logs and report: {Markup.Escape(location.Root)}/");
            console.MarkupLine($"Record it when it has finished: sync-cli databricks record-run {run.RunId}");
        }
    }

    public static void WriteRecorded(IAnsiConsole console, OutputFormat output, RecordedRun recorded)
    {
        var run = recorded.Run;
        if (output == OutputFormat.Json)
        {
            CliJson.Write(console, new
            {
                runId = recorded.Status.RunId,
                syncRunId = run.Id,
                projectId = run.ProjectId,
                status = run.Status,
                statusMessage = run.StatusMessage,
                resultState = recorded.Status.ResultState,
                alreadyRecorded = recorded.AlreadyRecorded,
                predictionId = recorded.PredictionId,
                eventLogFolder = recorded.EventLogFolder,
                eventLogLocation = run.EventLogLocation,
                clusterReportLocation = recorded.Location.ClusterReportLocation,
                runtimeMs = run.Runtime is { } t ? (long?)Math.Round(t.TotalMilliseconds) : null,
                codeHash = run.CodeHash,
            });
            return;
        }

        var verb = recorded.AlreadyRecorded ? "was already recorded" : "is recorded";
        console.MarkupLine($"Run [bold]{recorded.Status.RunId}[/] {verb} as Sync run [bold]{Markup.Escape(run.Id)}[/] in project {Markup.Escape(run.ProjectId)}: {run.Status}{(run.StatusMessage is { } m ? " — " + Markup.Escape(m) : "")}.");
        if (run.Runtime is { } runtime)
        {
            console.MarkupLine($"Runtime: {Format.Duration((long)runtime.TotalMilliseconds)}.");
        }

        if (recorded.EventLogFolder is { } folder)
        {
            console.MarkupLine($"Event log: {Markup.Escape(folder)}");
        }

        console.MarkupLine($"Cluster report: {Markup.Escape(recorded.Location.ClusterReportLocation)}");
        if (recorded.PredictionId is { } prediction)
        {
            console.MarkupLine($"Prediction [bold]{Markup.Escape(prediction)}[/]: sync-cli predictions wait {Markup.Escape(prediction)}, then sync-cli databricks run-prediction {Markup.Escape(prediction)} --task …");
        }
    }

    public static void WriteReport(IAnsiConsole console, OutputFormat output, ClusterReport report)
    {
        if (output == OutputFormat.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(JsonDocument.Parse(report.ToJson()).RootElement, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        console.MarkupLine($"{Markup.Escape(report.Platform)} in {Markup.Escape(report.Region)}, runtime {Markup.Escape(report.RuntimeVersion ?? "-")}{(report.Photon ? ", Photon" : "")}.");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Role").AddColumn("Instance type").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Market");
        foreach (var group in report.Nodes)
        {
            table.AddRow(Markup.Escape(group.Role), Markup.Escape(group.InstanceType), group.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(group.Market ?? "-"));
        }

        console.Write(table);
        var timeline = report.Timeline;
        console.MarkupLine($"Requested {timeline.Requested:u}, ready {(timeline.Ready is { } r ? r.ToString("u", CultureInfo.InvariantCulture) : "-")}, terminated {timeline.Terminated:u}.");
    }
}
