using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Api.Models;
using Sync.Cli.Rendering;
using Sync.Engine.Catalog;
using Sync.Engine.Recommendations;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli predictions create --event-log PATH --report PATH [--preference P] [--sla D]</c>: records a prediction
/// from one finished run (or a recorded run), runs it, waits for it and prints the observed run, the three named
/// solutions and the front.
/// </summary>
public sealed class PredictionsCreateCommand(IAnsiConsole console) : AsyncCommand<PredictionsCreateCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The run's event log.</summary>
        [CommandOption("-e|--event-log <PATH>")]
        [Description("The run's event log (file, eventlog_v2_* directory, Databricks log folder, or archive).")]
        public string? EventLog { get; init; }

        /// <summary>The run's cluster report.</summary>
        [CommandOption("-r|--report <PATH>")]
        [Description("The run's cluster report (docs/cluster-report.md).")]
        public string? Report { get; init; }

        /// <summary>A recorded run to predict from.</summary>
        [CommandOption("--run <RUN_ID>")]
        [Description("A recorded run (sync-cli runs create) to predict from; its event log and report are used unless given.")]
        public string? Run { get; init; }

        /// <summary>The project to file the prediction under.</summary>
        [CommandOption("--project <PROJECT_ID>")]
        [Description("The project to file the prediction under.")]
        public string? Project { get; init; }

        /// <summary>The code hash the prediction is for.</summary>
        [CommandOption("--code-hash <HASH>")]
        [Description("Hash of the application code the prediction is for; a warning is printed when it differs from the basis run's.")]
        public string? CodeHash { get; init; }

        /// <summary>The preferred solution.</summary>
        [CommandOption("-p|--preference <PREFERENCE>")]
        [Description("performance, balanced (default) or economy.")]
        public Preference? Preference { get; init; }

        /// <summary>The deadline, e.g. 45m, 1h30m, 900s.</summary>
        [CommandOption("--sla <DURATION>")]
        [Description("Deadline for the run, e.g. 45m, 1h30m, 900s: economy becomes the cheapest within it.")]
        public string? Sla { get; init; }

        /// <summary>A catalog file to use instead of the built-in one.</summary>
        [CommandOption("--catalog <FILE>")]
        [Description("Instance catalog file to use instead of the built-in one (same format as catalog/aws-instances.json).")]
        public string? Catalog { get; init; }

        /// <summary>Return at once instead of waiting for the result.</summary>
        [CommandOption("--no-wait")]
        [Description("Print the new prediction's id and return at once; see it later with predictions wait or get.")]
        public bool NoWait { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (Run is null && (string.IsNullOrWhiteSpace(EventLog) || string.IsNullOrWhiteSpace(Report)))
            {
                return ValidationResult.Error("--event-log and --report are both required (or --run with a recorded run)");
            }

            return Sla is not null && Durations.Parse(Sla) is null
                ? ValidationResult.Error($"--sla '{Sla}' is not a duration such as 45m, 1h30m or 900s")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ResolvedCatalog catalog;
        try
        {
            catalog = CatalogResolver.Resolve(settings.Catalog);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Errors.Report(e.Message, "Check the catalog file, or run sync-cli catalog update to write a new one.");
        }

        if (catalog.Warning is { } catalogWarning)
        {
            Console.Error.WriteLine($"warning: {catalogWarning}");
        }

        await using var client = CliClient.Create(catalog.Path);
        var created = await client.Predictions.CreateAsync(new PredictionCreateOptions
        {
            EventLogPath = settings.EventLog, ClusterReportPath = settings.Report, RunId = settings.Run, ProjectId = settings.Project,
            CodeHash = settings.CodeHash, Preference = settings.Preference, Sla = settings.Sla is null ? null : Durations.Parse(settings.Sla),
        }, cancellationToken);
        if (!created.IsSuccess)
        {
            return CliClient.Fail(created);
        }

        CliClient.Warn(created);
        if (settings.NoWait)
        {
            return PredictionOutput.Write(console, settings.Output, created.Value, brief: true);
        }

        var done = await client.Predictions.WaitForPredictionAsync(created.Value.Id, PredictionOutput.DefaultWait, PredictionOutput.Progress(created.Value.Id), cancellationToken);
        return done.IsSuccess ? PredictionOutput.Write(console, settings.Output, done.Value, brief: false, catalog) : CliClient.Fail(done);
    }
}
