using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Recommendations;
using Sync.Engine.Reports;
using Sync.Engine.Simulation;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli predictions report ID --html FILE</c> (a recorded prediction, from the embedded store or the server) or
/// <c>sync-cli predictions report --event-log PATH --report PATH --html FILE [--sla D]</c> (one finished run, through the
/// engine in-process): writes <see cref="PredictionReport"/>, one self-contained HTML page, to the file.
/// </summary>
public sealed class PredictionsReportCommand(IAnsiConsole console) : AsyncCommand<PredictionsReportCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>A recorded prediction, instead of an event log and report.</summary>
        [CommandArgument(0, "[ID]")]
        [Description("A recorded prediction (see predictions list); or give --event-log and --report instead.")]
        public string? Id { get; init; }

        /// <summary>The run's event log.</summary>
        [CommandOption("-e|--event-log <PATH>")]
        [Description("The run's event log (file, eventlog_v2_* directory, Databricks log folder, or archive).")]
        public string EventLog { get; init; } = "";

        /// <summary>The run's cluster report.</summary>
        [CommandOption("-r|--report <PATH>")]
        [Description("The run's cluster report (docs/cluster-report.md).")]
        public string Report { get; init; } = "";

        /// <summary>Where to write the page.</summary>
        [CommandOption("--html <FILE>")]
        [Description("The HTML file to write (self-contained: opens without network).")]
        public string Html { get; init; } = "";

        /// <summary>The deadline, e.g. 45m, 1h30m, 900s.</summary>
        [CommandOption("--sla <DURATION>")]
        [Description("Deadline for the run, e.g. 45m: drawn on the chart, and the cheapest solution within it marked.")]
        public string? Sla { get; init; }

        /// <summary>A catalog file to use instead of the one sync-cli would pick.</summary>
        [CommandOption("--catalog <FILE>")]
        [Description("Instance catalog file (default: the updated one in the Sync directory, else the built-in one).")]
        public string? Catalog { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Html))
            {
                return ValidationResult.Error("--html is required: the file to write the page to");
            }

            if (!string.IsNullOrWhiteSpace(Id))
            {
                return string.IsNullOrWhiteSpace(EventLog) && string.IsNullOrWhiteSpace(Report) && Sla is null && Catalog is null
                    ? ValidationResult.Success()
                    : ValidationResult.Error("give a prediction ID, or --event-log and --report (with --sla, --catalog), not both");
            }

            if (string.IsNullOrWhiteSpace(EventLog) || string.IsNullOrWhiteSpace(Report))
            {
                return ValidationResult.Error("give a prediction ID, or both --event-log and --report");
            }

            return Sla is not null && Durations.Parse(Sla) is null
                ? ValidationResult.Error($"--sla '{Sla}' is not a duration such as 45m, 1h30m or 900s")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(settings.Id))
        {
            await using var client = CliClient.Create();
            var stored = await client.Predictions.GetReportAsync(settings.Id, cancellationToken);
            return stored.IsSuccess ? await WriteAsync(settings.Html, stored.Value, cancellationToken) : CliClient.Fail(stored);
        }

        var app = await EventLogInput.ReadAsync(settings.EventLog, cancellationToken);
        if (app is null)
        {
            return ExitCodes.BadInput;
        }

        var deadline = settings.Sla is null ? null : Durations.Parse(settings.Sla);
        string html;
        try
        {
            var report = ClusterReport.Parse(await File.ReadAllTextAsync(settings.Report, cancellationToken), settings.Report);
            var catalog = CatalogResolver.Resolve(settings.Catalog).Catalog;
            html = PredictionReport.Html(app, new Recommender(catalog, ModelErrorBands.Resolve()).Recommend(app, report, deadline), deadline);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or UnauthorizedAccessException)
        {
            return Errors.Report(e.Message, "Check the cluster report (docs/cluster-report.md) and the catalog.");
        }

        return await WriteAsync(settings.Html, html, cancellationToken);
    }

    private async Task<int> WriteAsync(string path, string html, CancellationToken cancellationToken)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, html, cancellationToken);
            console.MarkupLine($"Wrote [bold]{Markup.Escape(full)}[/] ({html.Length / 1024} KiB): open it in a browser.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Errors.Report($"Cannot write {path}: {e.Message}", "Choose a writable path for --html.");
        }
    }
}
