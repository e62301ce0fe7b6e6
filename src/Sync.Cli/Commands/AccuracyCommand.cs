using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Engine.Accuracy;
using Sync.Engine.EventLogs;

namespace Sync.Cli.Commands;

/// <summary><c>sync-cli eventlog accuracy --manifest FILE</c>: the model's errors against ground-truth runs.</summary>
public sealed class AccuracyCommand(IAnsiConsole console) : AsyncCommand<AccuracyCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : OutputSettings
    {
        /// <summary>The manifest file.</summary>
        [CommandOption("-m|--manifest <FILE>")]
        [Description("Ground-truth manifest (docs/accuracy.md), e.g. bench/accuracy/ground-truth.manifest.json.")]
        public string Manifest { get; init; } = "";

        /// <summary>A model error bands file to widen the intervals to instead of the built-in bands.</summary>
        [CommandOption("--model-error-bands <FILE>")]
        [Description("Bands of the model's own error to widen the intervals to (format of src/Sync.Engine/Simulation/model-error-bands.json; default: the built-in ones).")]
        public string? ModelErrorBands { get; init; }


        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Manifest) ? ValidationResult.Error("--manifest is required") : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AccuracyReport report;
        try
        {
            var manifest = AccuracyManifest.Load(settings.Manifest);
            var bands = settings.ModelErrorBands is { } path ? Engine.Simulation.ModelErrorBands.Load(path) : null;
            report = await AccuracyEvaluator.EvaluateAsync(manifest, settings.Manifest, cancellationToken, bands);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or EventLogFormatException or IOException)
        {
            return Errors.Report(e.Message, "Check the manifest, the event logs it lists (paths are relative to its baseDirectory) and any --model-error-bands file.");
        }

        if (settings.Output == OutputFormat.Json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Set")
            .AddColumn(new TableColumn("Runs").RightAligned()).AddColumn(new TableColumn("Reconstruction median / p90").RightAligned())
            .AddColumn(new TableColumn("Pairs").RightAligned()).AddColumn(new TableColumn("Cross-config median / p90").RightAligned())
            .AddColumn(new TableColumn("Within interval").RightAligned());
        foreach (var set in report.Runs.Select(r => r.Set).Distinct())
        {
            var runs = ErrorStatistics.Of(report.Runs.Where(r => r.Set == set).Select(r => r.Error));
            var setPairs = report.Pairs.Where(p => p.Set == set).ToList();
            var pairs = ErrorStatistics.Of(setPairs.Select(p => p.Error));
            var within = setPairs.Count == 0 ? "" : $"{PairAccuracy.Coverage(setPairs):P1}";
            table.AddRow(Markup.Escape(set), runs.Count.ToString(CultureInfo.InvariantCulture), $"{runs.Median:P1} / {runs.P90:P1}",
                pairs.Count.ToString(CultureInfo.InvariantCulture), $"{pairs.Median:P1} / {pairs.P90:P1}", within);
        }

        table.AddRow("[bold]all[/]", report.Reconstruction.Count.ToString(CultureInfo.InvariantCulture),
            $"[bold]{report.Reconstruction.Median:P1} / {report.Reconstruction.P90:P1}[/]", report.CrossConfiguration.Count.ToString(CultureInfo.InvariantCulture),
            $"[bold]{report.CrossConfiguration.Median:P1} / {report.CrossConfiguration.P90:P1}[/]", $"[bold]{report.IntervalCoverage:P1}[/]");
        console.Write(table);
        console.MarkupLine($"Reconstruction within 5 %: {report.Reconstruction.WithinFivePercent:P1} of runs; cross-configuration within 5 %: {report.CrossConfiguration.WithinFivePercent:P1} of pairs.");
        console.MarkupLine($"Measured runs inside their predicted 10th–90th percentile interval: {report.IntervalCoverage:P1} of pairs (80 % when the intervals mean what they say).");
        console.MarkupLine($"Repeat noise (runs of the same shape predicting each other by their measured time, {report.RepeatNoise.Count} pairs): median {report.RepeatNoise.Median:P1}, p90 {report.RepeatNoise.P90:P1}.");
        return ExitCodes.Success;
    }
}
