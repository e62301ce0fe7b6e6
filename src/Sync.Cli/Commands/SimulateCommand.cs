using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Sync.Cli.Rendering;
using Sync.Engine.Recommendations;
using Sync.Engine.Simulation;

namespace Sync.Cli.Commands;

/// <summary>
/// <c>sync-cli eventlog simulate &lt;path&gt; --executors 2,4,8 [--cores N] [--stages]</c>: predicted wall times for explicit
/// executor counts, and with <c>--stages</c> where each prediction's time goes, stage by stage.
/// </summary>
public sealed class SimulateCommand(IAnsiConsole console) : AsyncCommand<SimulateCommand.Settings>
{
    /// <summary>Arguments and options.</summary>
    public sealed class Settings : EventLogSettings
    {
        /// <summary>Executor counts to predict, comma-separated.</summary>
        [CommandOption("-e|--executors <LIST>")]
        [Description("Executor counts to predict, comma-separated (e.g. 2,4,8,16).")]
        public string Executors { get; init; } = "";

        /// <summary>Cores per executor; the observed value when omitted.</summary>
        [CommandOption("-c|--cores <N>")]
        [Description("Cores per executor (default: as observed).")]
        public int? Cores { get; init; }

        /// <summary>Whether partition settings sized to the observed cluster follow each prediction's cores (<see cref="PartitionScaling"/>).</summary>
        [CommandOption("-p|--partitions <MODE>")]
        [Description("follow (default): a spark.default.parallelism or spark.sql.shuffle.partitions set to 1-4x the observed cores is scaled to each prediction's cores, as recommendations do; keep: as observed.")]
        [DefaultValue("follow")]
        public string Partitions { get; init; } = "follow";

        /// <summary>Whether to show each prediction's longest stages against the observed ones.</summary>
        [CommandOption("-s|--stages")]
        [Description("Show where each prediction's time goes: its longest stages, observed and predicted (JSON: every stage).")]
        public bool Stages { get; init; }

        /// <summary>The parsed executor counts.</summary>
        public IReadOnlyList<int> ExecutorCounts =>
            Executors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (ExecutorCounts.Count == 0 || ExecutorCounts.Any(n => n is < 1 or > 100_000))
            {
                return ValidationResult.Error("--executors takes a comma-separated list of counts between 1 and 100000, e.g. --executors 2,4,8");
            }

            if (Partitions is not ("follow" or "keep"))
            {
                return ValidationResult.Error("--partitions takes follow or keep");
            }

            return Cores is < 1 or > 1024 ? ValidationResult.Error("--cores must be between 1 and 1024") : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Read before the log and the simulations, so that a bad file fails at once.
        ModelErrorBands bands;
        try
        {
            bands = ModelErrorBands.Resolve();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Errors.Report(e.Message, "The model error bands in the Sync directory could not be read (docs/accuracy.md, \"Uncertainty\").");
        }

        var app = await EventLogInput.ReadAsync(settings.Path, cancellationToken);
        if (app is null)
        {
            return ExitCodes.BadInput;
        }

        var simulator = new ScheduleSimulator(app);
        var observed = simulator.ObservedShape;
        var reconstruction = simulator.Reconstruct();
        var runs = settings.ExecutorCounts
            .Select(n => new ClusterShape(n, settings.Cores ?? observed.CoresPerExecutor, observed.TaskCpus, observed.DefaultParallelism, observed.ShufflePartitions))
            .Select(shape => settings.Partitions == "follow" ? PartitionScaling.Apply(simulator, shape) : shape)
            .Select(simulator.PredictWithStages)
            .ToList();
        var predictions = runs.Select(r => r.Result).ToList();
        var observedStages = app.Stages.ToDictionary(s => (s.StageId, s.AttemptId));
        var intervals = predictions.Select(p => simulator.PredictInterval(p.Shape, bands: bands)).ToList();

        if (settings.Output == OutputFormat.Json)
        {
            var document = new
            {
                observed = new { executors = observed.Executors, coresPerExecutor = observed.CoresPerExecutor, wallTimeMs = simulator.ObservedWallTimeMs },
                reconstruction = new { wallTimeMs = reconstruction.WallTimeMs, error = simulator.ReconstructionError },
                predictions = predictions.Select((p, i) => new
                {
                    executors = p.Shape.Executors,
                    coresPerExecutor = p.Shape.CoresPerExecutor,
                    defaultParallelism = p.Shape.DefaultParallelism,
                    shufflePartitions = p.Shape.ShufflePartitions,
                    wallTimeMs = p.WallTimeMs,
                    wallTimeIntervalMs = new { p10 = intervals[i].LowMs, p50 = intervals[i].MedianMs, p90 = intervals[i].HighMs },
                    taskActiveTimeMs = p.TaskActiveTimeMs,
                    driverOnlyTimeMs = p.DriverOnlyTimeMs,
                    warnings = p.Warnings,
                    stages = settings.Stages
                        ? runs[i].Stages.Select(s => (Stage: s, Seen: observedStages.GetValueOrDefault((s.StageId, s.AttemptId)))).Select(s => new
                        {
                            stageId = s.Stage.StageId,
                            attemptId = s.Stage.AttemptId,
                            tasks = s.Stage.Tasks,
                            submittedMs = s.Stage.SubmittedMs,
                            durationMs = s.Stage.DurationMs,
                            observedTasks = s.Seen?.TaskCount,
                            observedDurationMs = s.Seen?.DurationMs,
                            observedCacheMisses = s.Stage.ObservedCacheMisses,
                            cacheMisses = s.Stage.CacheMisses,
                        })
                        : null,
                }),
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        console.MarkupLine($"[bold]{Markup.Escape(app.Info.Name)}[/] [grey]{Markup.Escape(app.Info.Id)}[/]: observed {observed} in {Format.Duration(simulator.ObservedWallTimeMs)}; " +
                           $"re-simulated {Format.Duration(reconstruction.WallTimeMs)} ({simulator.ReconstructionError:+0.0%;-0.0%} reconstruction error)");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Executors").AddColumn("Cores each")
            .AddColumn(new TableColumn("Predicted wall time").RightAligned()).AddColumn(new TableColumn("p10–p90").RightAligned())
            .AddColumn(new TableColumn("Tasks running").RightAligned())
            .AddColumn(new TableColumn("Driver only").RightAligned());
        foreach (var (p, interval) in predictions.Zip(intervals))
        {
            table.AddRow(p.Shape.Executors.ToString(CultureInfo.InvariantCulture), p.Shape.CoresPerExecutor.ToString(CultureInfo.InvariantCulture),
                Format.Duration(p.WallTimeMs), $"{Format.Duration(interval.LowMs)} – {Format.Duration(interval.HighMs)}",
                Format.Duration(p.TaskActiveTimeMs), Format.Duration(p.DriverOnlyTimeMs));
        }

        console.Write(table);
        if (settings.Stages)
        {
            foreach (var (p, stages) in runs)
            {
                console.Write(StageTimingRenderer.Table(p.Shape, stages, observedStages));
            }
        }

        PartitionNote("spark.default.parallelism", observed.DefaultParallelism, predictions.Select(p => p.Shape.DefaultParallelism));
        PartitionNote("spark.sql.shuffle.partitions", observed.ShufflePartitions, predictions.Select(p => p.Shape.ShufflePartitions));
        IntervalNote.Write(console);
        foreach (var warning in predictions.SelectMany(p => p.Warnings).Distinct())
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        return ExitCodes.Success;

        void PartitionNote(string setting, int? before, IEnumerable<int?> after)
        {
            var scaled = after.Where(a => a != before).Distinct().ToList();
            if (scaled.Count > 0)
            {
                console.MarkupLine($"[grey]{setting} {before} → {string.Join(", ", scaled)}: sized to the observed cores, it follows each prediction's (--partitions keep holds it).[/]");
            }
        }
    }
}
