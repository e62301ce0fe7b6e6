using Spectre.Console;
using Sync.Engine.Summaries;

namespace Sync.Cli.Rendering;

/// <summary>Renders an <see cref="ApplicationSummary"/> as tables for a terminal.</summary>
internal static class SummaryRenderer
{
    public static void Render(IAnsiConsole console, ApplicationSummary s)
    {
        var a = s.Application;
        console.Write(new Rule($"[bold]{Markup.Escape(a.Name)}[/] [grey]{Markup.Escape(a.Id)}[/]").LeftJustified());

        var overview = KeyValueTable();
        overview.AddRow("Spark version", Markup.Escape(Or(a.SparkVersion)));
        overview.AddRow("User", Markup.Escape(Or(a.User)));
        overview.AddRow("Started", Format.Time(a.StartTimeMs));
        overview.AddRow("Wall time", $"[bold]{Format.Duration(s.Time.WallTimeMs)}[/]{(a.HasEndEvent ? "" : " [yellow](no end event)[/]")}");
        overview.AddRow("Tasks running", $"{Format.Duration(s.Time.TaskActiveTimeMs)} ({Format.Percent(Share(s.Time.TaskActiveTimeMs, s.Time.WallTimeMs))})");
        overview.AddRow("Driver only", $"{Format.Duration(s.Time.DriverOnlyTimeMs)} ({Format.Percent(Share(s.Time.DriverOnlyTimeMs, s.Time.WallTimeMs))})");
        overview.AddRow("Executors", $"{s.Executors.Count} added, at most {s.Executors.MaxConcurrent} at once, {string.Join("/", s.Executors.CoresPerExecutor)} cores each");
        overview.AddRow("Cores", $"at most {s.Executors.MaxCores}; {Format.Duration(s.Executors.AvailableCoreMs)} of core time available");
        if (s.Executors.Timeline.Count > 2)
        {
            overview.AddRow("Over time", Markup.Escape(Timeline(s.Executors.Timeline, a.StartTimeMs)));
        }

        if (s.Executors.Removed.Count > 0)
        {
            overview.AddRow("Removed", Markup.Escape(string.Join("; ", s.Executors.Removed.Take(3).Select(r => $"{r.Count} x {Format.Truncate(r.Reason, 60)}"))));
        }
        overview.AddRow("Core utilisation", $"[bold]{Format.Percent(s.Tasks.CoreUtilisation)}[/] ({Format.Duration(s.Tasks.BusyCoreMs)} busy)");
        overview.AddRow("Jobs / stages", $"{s.Jobs.Jobs} jobs ({s.Jobs.FailedJobs} failed), {s.Jobs.StageAttempts} stage attempts ({s.Jobs.FailedStageAttempts} failed, {s.Jobs.SkippedStages} skipped), {s.Jobs.SqlExecutions} SQL executions");
        overview.AddRow("Tasks", $"{Format.Number(s.Tasks.Count)} ({s.Tasks.Failed} failed, {s.Tasks.Killed} killed, {s.Tasks.Speculative} speculative{(s.Tasks.Unfinished > 0 ? $", {s.Tasks.Unfinished} unfinished" : "")}), {Format.Duration(s.Tasks.TaskTimeMs)} in total");
        overview.AddRow("GC", $"{Format.Duration(s.Tasks.GcTimeMs)} ({Format.Percent(s.Tasks.GcShare)} of run time)");
        overview.AddRow("Input / output", $"{Format.Bytes(s.Io.InputBytes)} / {Format.Bytes(s.Io.OutputBytes)}");
        overview.AddRow("Shuffle", $"{Format.Bytes(s.Io.ShuffleWriteBytes)} written, {Format.Bytes(s.Io.ShuffleReadBytes)} read ({Format.Bytes(s.Io.ShuffleRemoteReadBytes)} remote), {Format.Duration(s.Io.ShuffleFetchWaitMs)} fetch wait");
        overview.AddRow("Spill", $"{Format.Bytes(s.Io.DiskSpilledBytes)} to disk ({Format.Bytes(s.Io.MemorySpilledBytes)} in memory)");
        console.Write(overview);

        if (s.TopStages.Count > 0)
        {
            console.Write(new Rule("[bold]Longest stages[/]").LeftJustified());
            var stages = new Table().Border(TableBorder.Rounded);
            stages.AddColumn("Stage").AddColumn("Name");
            foreach (var column in new[] { "Duration", "Tasks", "Median task", "Max task", "Skew" })
            {
                stages.AddColumn(new TableColumn(column).RightAligned());
            }

            var volumes = new Table().Border(TableBorder.Rounded).AddColumn("Stage");
            foreach (var column in new[] { "Input", "Shuffle read", "Shuffle write", "Spill (disk)" })
            {
                volumes.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var st in s.TopStages)
            {
                var id = $"{st.StageId}.{st.AttemptId}{(st.Failed ? " [red]failed[/]" : "")}";
                stages.AddRow(
                    id,
                    Markup.Escape(Format.Truncate(st.Name, 30)),
                    Format.Duration(st.DurationMs),
                    Format.Number(st.Tasks),
                    Format.Duration(st.MedianTaskMs),
                    Format.Duration(st.MaxTaskMs),
                    st.Skew >= 3 ? $"[yellow]{st.Skew:0.0}x[/]" : $"{st.Skew:0.0}x");
                volumes.AddRow(
                    id,
                    Format.Bytes(st.InputBytes),
                    Format.Bytes(st.ShuffleReadBytes),
                    Format.Bytes(st.ShuffleWriteBytes),
                    st.SpilledBytes > 0 ? $"[yellow]{Format.Bytes(st.SpilledBytes)}[/]" : "0 B");
            }

            console.Write(stages);
            console.Write(volumes);
        }

        if (s.Tasks.FailureReasons.Count > 0)
        {
            console.Write(new Rule("[bold]Task failures[/]").LeftJustified());
            var failures = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Reason");
            foreach (var f in s.Tasks.FailureReasons)
            {
                failures.AddRow(Format.Number(f.Count), Markup.Escape(Format.Truncate(f.Reason, 120)));
            }

            console.Write(failures);
        }

        console.Write(new Rule("[bold]Read[/]").LeftJustified());
        var read = KeyValueTable();
        read.AddRow("Layout", s.Read.Layout);
        foreach (var p in s.Read.Parts)
        {
            read.AddRow("File", $"{Markup.Escape(Path.GetFileName(p.Name))} [grey]({p.Codec}, {Format.Bytes(p.Bytes)} → {Format.Bytes(p.DecompressedBytes)}, {Format.Number(p.Lines)} lines)[/]");
        }

        read.AddRow("Events", Format.Number(s.Read.Events));
        read.AddRow("Skipped", $"{Format.Number(s.Read.UnknownEvents.Values.Sum())} non-Spark events, {Format.Number(s.Read.MalformedLines)} malformed lines");
        read.AddRow("Complete", s.Read.Incomplete ? "[yellow]no[/]" : "yes");
        console.Write(read);
        foreach (var warning in s.Read.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }

    /// <summary>Executors and cores at up to eight evenly spread changes, as offsets from the start: <c>+0 s 2 ex/8 cores → …</c>.</summary>
    private static string Timeline(IReadOnlyList<ExecutorTimelinePoint> points, long start)
    {
        var step = Math.Max(1, (points.Count + 7) / 8);
        var shown = points.Where((_, i) => i % step == 0 || i == points.Count - 1);
        return string.Join(" → ", shown.Select(p => $"+{Format.Duration(Math.Max(0, p.TimeMs - start))}: {p.Executors} ex / {p.Cores} cores"));
    }

    private static Table KeyValueTable() =>
        new Table().Border(TableBorder.None).HideHeaders().AddColumn(new TableColumn("").PadRight(2)).AddColumn("");

    private static double Share(long part, long whole) => whole <= 0 ? 0 : (double)part / whole;

    private static string Or(string value) => value.Length == 0 ? "-" : value;
}
