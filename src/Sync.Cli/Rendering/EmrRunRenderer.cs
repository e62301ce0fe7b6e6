using System.Text.Json;
using Spectre.Console;
using Sync.AwsEmr.Runs;

namespace Sync.Cli.Rendering;

/// <summary>Prints what the <c>aws-emr</c> commands started or recorded, for people or as JSON.</summary>
internal static class EmrRunRenderer
{
    public static void WriteText(IAnsiConsole console, StartedRun run)
    {
        console.MarkupLine($"Started cluster [bold]{Markup.Escape(run.ClusterId)}[/].");
        if (run.RunId is not null)
        {
            console.MarkupLine($"  run {Markup.Escape(run.RunId)} of project {Markup.Escape(run.ProjectId ?? "-")}");
            console.MarkupLine($"  artifacts {Markup.Escape(run.Location!.Root)}/");
        }

        if (run.EventLogDirectory is not null)
        {
            console.MarkupLine($"  event log {Markup.Escape(run.EventLogDirectory)}");
        }

        if (WorkerGroup(run) is { } workers)
        {
            console.MarkupLine($"  workers {Markup.Escape(workers)}");
        }
    }

    public static void WriteText(IAnsiConsole console, RecordedRun recorded)
    {
        var run = recorded.Run;
        var status = run.Status == Sync.Api.Models.RunStatus.Failed ? "[red]failed[/]" : "[green]succeeded[/]";
        console.MarkupLine($"{(recorded.AlreadyRecorded ? "Already recorded" : "Recorded")} run [bold]{Markup.Escape(run.Id)}[/] of cluster {Markup.Escape(recorded.ClusterId)}: {status}.");
        if (run.StatusMessage is not null)
        {
            console.MarkupLine($"  reason {Markup.Escape(run.StatusMessage)}");
        }

        console.MarkupLine($"  event log {Markup.Escape(recorded.EventLogLocation ?? "-")}");
        console.MarkupLine($"  cluster report {Markup.Escape(recorded.ClusterReportLocation ?? "-")}");
        if (recorded.PredictionId is not null)
        {
            console.MarkupLine($"  prediction {Markup.Escape(recorded.PredictionId)} (sync-cli predictions wait {Markup.Escape(recorded.PredictionId)})");
        }
    }

    public static object ToJson(StartedRun run) => new
    {
        clusterId = run.ClusterId,
        runId = run.RunId,
        projectId = run.ProjectId,
        location = run.Location?.Root,
        eventLogDirectory = run.EventLogDirectory,
        runJobFlowLocation = run.Location?.File(Sync.AwsEmr.EmrClient.RunJobFlowFileName),
        runJobFlow = JsonDocument.Parse(run.Spec.ToJsonString()).RootElement,
    };

    public static object ToJson(RecordedRun recorded) => new
    {
        clusterId = recorded.ClusterId,
        alreadyRecorded = recorded.AlreadyRecorded,
        status = recorded.Run.Status,
        statusMessage = recorded.Run.StatusMessage,
        predictionId = recorded.PredictionId,
        eventLogLocation = recorded.EventLogLocation,
        clusterReportLocation = recorded.ClusterReportLocation,
        run = RunRenderer.ToJson(recorded.Run),
    };

    private static string? WorkerGroup(StartedRun run)
    {
        var groups = run.Spec["Instances"]?["InstanceGroups"]?.AsArray();
        var core = groups?.FirstOrDefault(g => (string?)g?["InstanceRole"] == "CORE");
        return core is null ? null : $"{(int?)core["InstanceCount"]} x {(string?)core["InstanceType"]}";
    }
}
