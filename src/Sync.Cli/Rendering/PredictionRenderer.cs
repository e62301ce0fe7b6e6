using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Sync.Api.Models;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Rendering;

/// <summary>Prints a <see cref="Prediction"/>: the solutions table and front, or the JSON document of <c>--output json</c>.</summary>
internal static class PredictionRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The JSON document: application, observed run, named solutions with their cluster reports, front.</summary>
    public static void WriteJson(IAnsiConsole console, Prediction prediction, ResolvedCatalog? catalog = null)
    {
        var solutions = prediction.Solutions;
        var document = new
        {
            predictionId = prediction.Id,
            status = Status(prediction.Status),
            projectId = prediction.ProjectId,
            runId = prediction.RunId,
            error = prediction.Error is null ? null : new { code = prediction.Error.Code, message = prediction.Error.Message, hint = prediction.Error.Hint },
            application = new { id = prediction.ApplicationId, name = prediction.ApplicationName },
            observed = prediction.Basis is not { } basis ? null : new { runtimeMs = Ms(basis.Runtime), workerNodes = basis.WorkerNodes, workerInstanceType = basis.WorkerInstanceType, costUsd = basis.CostUsd },
            reconstructionError = prediction.ReconstructionError,
            catalogDate = prediction.CatalogDate,
            catalog = catalog is null ? null : new { origin = catalog.Origin.ToString(), date = catalog.Catalog.Date, path = catalog.Path },
            candidates = prediction.Candidates,
            warnings = prediction.EngineWarnings,
            codeHashWarnings = prediction.Warnings.Select(w => w.Message),
            preference = prediction.Preference.ToString().ToLowerInvariant(),
            recommended = Describe(prediction.Recommended),
            performance = Describe(solutions.GetValueOrDefault("performance")),
            balanced = Describe(solutions.GetValueOrDefault("balanced")),
            economy = Describe(solutions.GetValueOrDefault("economy")),
            withinDeadline = Describe(solutions.GetValueOrDefault("within_sla")),
            front = prediction.Front.Select(f => new { workerNodes = f.WorkerNodes, workerInstanceType = f.WorkerInstanceType, predictedRuntimeMs = Ms(f.Runtime), costUsd = f.CostUsd }),
        };
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, Indented));
    }

    /// <summary>The observed run, the solutions table with the recommended one marked, the front and the warnings.</summary>
    public static void WriteText(IAnsiConsole console, Prediction prediction)
    {
        var basis = prediction.Basis!;
        var observedMs = Ms(basis.Runtime);
        var instanceType = ClusterReport.Parse(basis.ConfigurationJson, "basis").Nodes[^1].InstanceType;
        console.MarkupLine($"[bold]{Markup.Escape(prediction.ApplicationName ?? "")}[/] [grey]{Markup.Escape(prediction.ApplicationId ?? "")}[/]");
        console.MarkupLine($"Observed: {basis.WorkerNodes} x {Markup.Escape(instanceType)} workers, {Format.Duration(observedMs)}, " +
                           $"{basis.CostUsd.ToString("0.00", CultureInfo.InvariantCulture)} USD; {prediction.Candidates} configurations priced" +
                           (prediction.ReconstructionError is { } e ? $"; the model re-simulates the observed run within {Math.Abs(e).ToString("0.0%", CultureInfo.InvariantCulture)}" : "") +
                           (prediction.CatalogDate is { } date ? $"; catalog of {Markup.Escape(date)}." : "."));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Solution").AddColumn(new TableColumn("Workers").RightAligned())
            .AddColumn(new TableColumn("Executors x cores").RightAligned()).AddColumn(new TableColumn("Runtime").RightAligned())
            .AddColumn(new TableColumn("p10–p90").RightAligned())
            .AddColumn(new TableColumn("Cost (USD)").RightAligned()).AddColumn(new TableColumn("vs observed").RightAligned());
        var slaName = prediction.Sla is { } sla ? $"cheapest within {Format.Duration(Ms(sla))}" : null;
        var within = prediction.Solutions.GetValueOrDefault("within_sla");
        var chosenName = prediction.Preference == Preference.Economy && within is not null ? slaName : prediction.Preference.ToString().ToLowerInvariant();
        void Row(string name, SolutionSummary s) => table.AddRow(
            name == chosenName ? $"[bold green]{Markup.Escape(name)} (recommended)[/]" : Markup.Escape(name),
            $"{s.WorkerNodes ?? 0} x {Markup.Escape(s.WorkerInstanceType ?? instanceType)}", $"{s.Executors} x {s.CoresPerExecutor}", Format.Duration(Ms(s.Runtime)),
            s.RuntimeInterval is { } i ? $"{Format.Duration(Ms(i.P10))} – {Format.Duration(Ms(i.P90))}" : "-",
            s.CostUsd.ToString("0.00", CultureInfo.InvariantCulture),
            $"{(Ms(s.Runtime) - (double)observedMs) / observedMs:+0%;-0%;0%} time, {(s.CostUsd - basis.CostUsd) / basis.CostUsd:+0%;-0%;0%} cost");
        foreach (var name in new[] { "performance", "balanced", "economy" })
        {
            if (prediction.Solutions.TryGetValue(name, out var solution))
            {
                Row(name, solution);
            }
        }

        if (within is not null)
        {
            Row(slaName!, within);
        }

        console.Write(table);
        IntervalNote.Write(console);
        console.MarkupLine($"Front (runtime → cost): {Markup.Escape(string.Join(", ", prediction.Front.Select(f => $"{f.WorkerNodes} x {f.WorkerInstanceType ?? instanceType} {Format.Duration(Ms(f.Runtime))} {f.CostUsd.ToString("0.00", CultureInfo.InvariantCulture)}$")))}");
        var chosen = prediction.Recommended;
        foreach (var change in chosen?.Changes ?? [])
        {
            console.MarkupLine($"[green]change:[/] {Markup.Escape(change)}");
        }

        foreach (var warning in prediction.EngineWarnings.Concat(chosen?.Warnings ?? []).Distinct())
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }

    /// <summary>One line per prediction: id, status, application, product, recommended runtime and cost, created.</summary>
    public static void WriteTable(IAnsiConsole console, IReadOnlyList<Prediction> predictions)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Status").AddColumn("Application").AddColumn("Product")
            .AddColumn("Project").AddColumn(new TableColumn("Recommended").RightAligned()).AddColumn("Created (UTC)");
        foreach (var p in predictions)
        {
            var recommended = p.Recommended is { } r ? $"{r.WorkerNodes}w {Format.Duration(Ms(r.Runtime))} {r.CostUsd.ToString("0.00", CultureInfo.InvariantCulture)}$" : "-";
            table.AddRow(Markup.Escape(p.Id), Status(p.Status), Markup.Escape(p.ApplicationName ?? "-"), Markup.Escape(p.ProductCode),
                Markup.Escape(p.ProjectId ?? "-"), recommended, p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    /// <summary>The wire name of a status (<c>SUCCESS</c>, <c>AWAITING_UPLOAD</c>…).</summary>
    public static string Status(PredictionStatus status) => status switch
    {
        PredictionStatus.AwaitingUpload => "AWAITING_UPLOAD",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static object? Describe(SolutionSummary? s) => s is null ? null : new
    {
        workerNodes = s.WorkerNodes,
        workerInstanceType = s.WorkerInstanceType,
        executors = s.Executors,
        coresPerExecutor = s.CoresPerExecutor,
        predictedRuntimeMs = Ms(s.Runtime),
        runtimeIntervalMs = s.RuntimeInterval is { } i ? new { p10 = Ms(i.P10), p50 = Ms(i.P50), p90 = Ms(i.P90) } : null,
        costUsd = s.CostUsd,
        changes = s.Changes,
        warnings = s.Warnings,
        configuration = s.PlatformConfigurationJson is { } spec ? JsonDocument.Parse(spec).RootElement : (JsonElement?)null,
        report = JsonDocument.Parse(s.ConfigurationJson).RootElement,
    };

    private static long Ms(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds);
}
