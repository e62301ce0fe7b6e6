using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli predictions create --event-log PATH --report PATH [--preference P] [--sla D]</c>: runs the prediction
/// engine in-process on one finished run and prints the observed run, the three named solutions and the front.
/// </summary>
public sealed partial class PredictionsCreateCommand(IAnsiConsole console) : AsyncCommand<PredictionsCreateCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The run's event log.</summary>
        [CommandOption("-e|--event-log <PATH>")]
        [Description("The run's event log (file, eventlog_v2_* directory, Databricks log folder, or archive).")]
        public string EventLog { get; init; } = "";

        /// <summary>The run's cluster report.</summary>
        [CommandOption("-r|--report <PATH>")]
        [Description("The run's cluster report (docs/cluster-report.md).")]
        public string Report { get; init; } = "";

        /// <summary>The preferred solution.</summary>
        [CommandOption("-p|--preference <PREFERENCE>")]
        [Description("performance, balanced (default) or economy.")]
        [DefaultValue(Preference.Balanced)]
        public Preference Preference { get; init; } = Preference.Balanced;

        /// <summary>The deadline, e.g. 45m, 1h30m, 900s.</summary>
        [CommandOption("--sla <DURATION>")]
        [Description("Deadline for the run, e.g. 45m, 1h30m, 900s: economy becomes the cheapest within it.")]
        public string? Sla { get; init; }

        /// <summary>A catalog file to use instead of the built-in one.</summary>
        [CommandOption("--catalog <FILE>")]
        [Description("Instance catalog file (format of catalog/aws-instances.json). Default: the one 'catalog update' wrote to the Sync directory, else the built-in one.")]
        public string? Catalog { get; init; }


        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(EventLog) || string.IsNullOrWhiteSpace(Report))
            {
                return ValidationResult.Error("--event-log and --report are both required");
            }

            return Sla is not null && ParseDuration(Sla) is null
                ? ValidationResult.Error($"--sla '{Sla}' is not a duration such as 45m, 1h30m or 900s")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var app = await EventLogInput.ReadAsync(settings.EventLog, cancellationToken);
        if (app is null)
        {
            return ExitCodes.BadInput;
        }

        Recommendation recommendation;
        ResolvedCatalog catalog;
        try
        {
            var report = ClusterReport.Parse(await File.ReadAllTextAsync(settings.Report, cancellationToken), settings.Report);
            catalog = CatalogResolver.Resolve(settings.Catalog);
            recommendation = new Recommender(catalog.Catalog).Recommend(app, report, settings.Sla is null ? null : ParseDuration(settings.Sla));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException)
        {
            return Errors.Report(e.Message, "Check the cluster report (docs/cluster-report.md) and the catalog.");
        }

        var chosen = recommendation.For(settings.Preference);
        if (settings.Output == OutputFormat.Json)
        {
            object Describe(Solution s) => new
            {
                workerNodes = s.WorkerNodes,
                workerInstanceType = s.WorkerInstanceType,
                executors = s.Shape.Executors,
                coresPerExecutor = s.Shape.CoresPerExecutor,
                predictedRuntimeMs = s.PredictedRuntimeMs,
                runtimeIntervalMs = s.Interval is null ? null : new { p10 = s.Interval.LowMs, p50 = s.Interval.MedianMs, p90 = s.Interval.HighMs },
                costUsd = Math.Round(s.Cost.TotalUsd, 4),
                changes = s.Changes,
                warnings = s.Warnings.Concat(s.Cost.Notes),
                configuration = s.PlatformConfiguration,
                report = JsonDocument.Parse(s.Report.ToJson()).RootElement,
            };
            var document = new
            {
                application = new { id = app.Info.Id, name = app.Info.Name },
                catalog = new { origin = catalog.Origin.ToString(), date = catalog.Catalog.Date, path = catalog.Path },
                observed = new { runtimeMs = recommendation.ObservedRuntimeMs, workerNodes = recommendation.Observed.WorkerNodes, workerInstanceType = recommendation.Observed.WorkerInstanceType, costUsd = Math.Round(recommendation.Observed.Cost.TotalUsd, 4) },
                reconstructionError = Math.Round(recommendation.ReconstructionError, 4),
                candidates = recommendation.Candidates,
                distinctSimulations = recommendation.DistinctSimulations,
                warnings = catalog.Warning is null ? recommendation.Warnings : [.. recommendation.Warnings, catalog.Warning],
                preference = settings.Preference.ToString().ToLowerInvariant(),
                recommended = Describe(chosen),
                performance = Describe(recommendation.Performance),
                balanced = Describe(recommendation.Balanced),
                economy = Describe(recommendation.Economy),
                withinDeadline = recommendation.WithinDeadline is null ? null : Describe(recommendation.WithinDeadline),
                front = recommendation.Front.Select(s => new { workerNodes = s.WorkerNodes, workerInstanceType = s.WorkerInstanceType, predictedRuntimeMs = s.PredictedRuntimeMs, costUsd = Math.Round(s.Cost.TotalUsd, 4) }),
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        var observed = recommendation.Observed;
        console.MarkupLine($"[bold]{Markup.Escape(app.Info.Name)}[/] [grey]{Markup.Escape(app.Info.Id)}[/]");
        console.MarkupLine($"Observed: {observed.WorkerNodes} x {Markup.Escape(observed.Report.Nodes[^1].InstanceType)} workers, {Format.Duration(recommendation.ObservedRuntimeMs)}, " +
                           $"{observed.Cost.TotalUsd.ToString("0.00", CultureInfo.InvariantCulture)} USD; {recommendation.Candidates} configurations priced, {recommendation.DistinctSimulations} distinct executor shapes simulated; " +
                           $"the model re-simulates the observed run within {Math.Abs(recommendation.ReconstructionError).ToString("0.0%", CultureInfo.InvariantCulture)}.");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Solution").AddColumn(new TableColumn("Workers").RightAligned())
            .AddColumn(new TableColumn("Executors x cores").RightAligned()).AddColumn(new TableColumn("Runtime").RightAligned())
            .AddColumn(new TableColumn("p10–p90").RightAligned())
            .AddColumn(new TableColumn("Cost (USD)").RightAligned()).AddColumn(new TableColumn("vs observed").RightAligned());
        var chosenName = settings.Preference == Preference.Economy && recommendation.WithinDeadline is not null
            ? $"cheapest within {settings.Sla}"
            : settings.Preference.ToString().ToLowerInvariant();
        void Row(string name, Solution s) => table.AddRow(
            name == chosenName ? $"[bold green]{name} (recommended)[/]" : name,
            $"{s.WorkerNodes} x {Markup.Escape(s.WorkerInstanceType)}", $"{s.Shape.Executors} x {s.Shape.CoresPerExecutor}", Format.Duration(s.PredictedRuntimeMs),
            s.Interval is null ? "-" : $"{Format.Duration(s.Interval.LowMs)} – {Format.Duration(s.Interval.HighMs)}",
            s.Cost.TotalUsd.ToString("0.00", CultureInfo.InvariantCulture),
            $"{(s.PredictedRuntimeMs - (double)recommendation.ObservedRuntimeMs) / recommendation.ObservedRuntimeMs:+0%;-0%;0%} time, {(s.Cost.TotalUsd - observed.Cost.TotalUsd) / observed.Cost.TotalUsd:+0%;-0%;0%} cost");
        Row("performance", recommendation.Performance);
        Row("balanced", recommendation.Balanced);
        Row("economy", recommendation.Economy);
        if (recommendation.WithinDeadline is { } withinDeadline)
        {
            Row($"cheapest within {settings.Sla}", withinDeadline);
        }

        console.Write(table);
        console.MarkupLine($"[grey]Priced with the {Markup.Escape(catalog.Description)}.[/]");
        console.MarkupLine($"Front (runtime → cost): {Markup.Escape(string.Join(", ", recommendation.Front.Select(s => $"{s.WorkerNodes} x {s.WorkerInstanceType} {Format.Duration(s.PredictedRuntimeMs)} {s.Cost.TotalUsd.ToString("0.00", CultureInfo.InvariantCulture)}$")))}");
        foreach (var change in chosen.Changes)
        {
            console.MarkupLine($"[green]change:[/] {Markup.Escape(change)}");
        }
        foreach (var warning in recommendation.Warnings.Concat(catalog.Warning is null ? [] : [catalog.Warning]).Concat(chosen.Warnings).Concat(chosen.Cost.Notes).Distinct())
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>Parses 45m, 1h30m, 900s, 2h.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return null;
        }

        double Part(int group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var duration = TimeSpan.FromHours(Part(1)) + TimeSpan.FromMinutes(Part(2)) + TimeSpan.FromSeconds(Part(3));
        return duration > TimeSpan.Zero ? duration : null;
    }

    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$")]
    private static partial Regex DurationPattern();
}
