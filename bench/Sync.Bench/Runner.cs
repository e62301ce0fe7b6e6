using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sync.Bench;

/// <summary>
/// Runs every measurement in a fresh child process (<c>dotnet Sync.Bench.dll measure ...</c>), interleaving files and
/// modes on each round so that drift on a shared machine hits them alike, and reports medians and ratios to the
/// baselines measured in the same run.
/// </summary>
internal static class Runner
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private sealed record Variant(string Mode, bool Pinned)
    {
        public string Label => Pinned ? Mode : $"{Mode} (unpinned)";
    }

    public static int Run(string[] args)
    {
        var dir = Paths.FromRoot(Paths.Option(args, "--dir") ?? "bench/out");
        var repeat = int.Parse(Paths.Option(args, "--repeat") ?? "3", Inv);
        var unpinned = !args.Contains("--no-unpinned");
        var profile = args.Contains("--profile");
        var cpu = int.Parse(Paths.Option(args, "--cpu") ?? (Environment.ProcessorCount - 1).ToString(Inv), Inv);
        var command = "dotnet run -c Release --project bench/Sync.Bench -- run" + (args.Length > 0 ? " " + string.Join(" ", args) : "");
        var files = new[] { Paths.PlainName, Paths.ZstdName }.Select(f => Path.Combine(dir, f)).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"no {Paths.PlainName} or {Paths.ZstdName} in {dir}: run 'generate' first");
            return 1;
        }

        var variants = new List<Variant> { new(Measure.Lines, true), new(Measure.Json, true), new(Measure.Reader, true) };
        if (unpinned)
        {
            variants.Add(new(Measure.Reader, false));
        }

        if (profile)
        {
            variants.Add(new(Measure.BufferedLines, true));
        }

        var taskset = Paths.FindOnPath("taskset");
        var dll = typeof(Runner).Assembly.Location;
        var dotnet = Paths.FindOnPath("dotnet") ?? "dotnet";
        var loadBefore = ReadText("/proc/loadavg");
        var started = DateTime.UtcNow;

        foreach (var file in files)
        {
            // Warm the page cache so that the first child does not pay for the disk.
            using var stream = File.OpenRead(file);
            stream.CopyTo(Stream.Null, 1 << 20);
        }

        var results = new List<(string File, Variant Variant, int Round, MeasureResult Result)>();
        for (var round = 1; round <= repeat; round++)
        {
            foreach (var file in files)
            {
                foreach (var variant in variants)
                {
                    var result = RunChild(dotnet, dll, taskset, cpu, variant, file);
                    results.Add((Path.GetFileName(file), variant, round, result));
                    Console.Error.WriteLine(
                        $"round {round} {Path.GetFileName(file)} {variant.Label}: {result.WallMs / 1000:F3} s wall, {result.CpuMs / 1000:F3} s CPU, " +
                        $"peak {result.PeakWorkingSetBytes / 1048576.0:F1} MiB, {result.Tasks} tasks, {result.DecompressedBytes} B");
                }
            }
        }

        var markdown = Report(results, variants, files.Select(Path.GetFileName).ToList()!, repeat, command, started, loadBefore, ReadText("/proc/loadavg"), taskset, cpu);
        Console.WriteLine(markdown);
        File.WriteAllText(Path.Combine(dir, "results.md"), markdown);
        Console.Error.WriteLine($"wrote {Path.Combine(dir, "results.md")}");
        return 0;
    }

    private static MeasureResult RunChild(string dotnet, string dll, string? taskset, int cpu, Variant variant, string file)
    {
        var pinWithTaskset = variant.Pinned && taskset is not null;
        var start = new ProcessStartInfo(pinWithTaskset ? taskset! : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pinWithTaskset)
        {
            // taskset pins every thread of the child (the runtime's own threads included) to one CPU.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpu.ToString(Inv));
            start.ArgumentList.Add(dotnet);
        }

        foreach (var arg in new[] { dll, "measure", variant.Mode, file })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the child");
        if (variant.Pinned && !pinWithTaskset && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            process.ProcessorAffinity = (nint)(1L << cpu); // fallback: pins the child's main thread (threads it starts later inherit it)
        }

        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = errorTask.GetAwaiter().GetResult();
        var json = output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || json is null)
        {
            throw new InvalidOperationException($"child '{variant.Mode} {file}' failed ({process.ExitCode}): {error}{output}");
        }

        return JsonSerializer.Deserialize<MeasureResult>(json)!;
    }

    private static string Report(
        List<(string File, Variant Variant, int Round, MeasureResult Result)> results, List<Variant> variants, List<string> files, int repeat,
        string command, DateTime started, string loadBefore, string loadAfter, string? taskset, int cpu)
    {
        var md = new StringBuilder();
        md.AppendLine("# Sync.Bench results");
        md.AppendLine();
        md.AppendLine($"- Command: `{command}` (from the repository root)");
        md.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine($"- Machine: nproc {RunTool("nproc", "").Trim()}, CPU {CpuModel()}, {MemTotal()}, .NET SDK {RunTool("dotnet", "--version").Trim()} (runtime {Environment.Version})");
        md.AppendLine($"- Load average before / after: {loadBefore.Trim()} / {loadAfter.Trim()} (shared machine: absolute times drift, compare ratios)");
        md.AppendLine($"- Each cell is the median of {repeat} runs, each in a fresh child process (`dotnet Sync.Bench.dll measure <mode> <file>`), " +
                      $"DOTNET_gcServer=0 (workstation, non-concurrent GC), files and modes interleaved each round, page cache warmed first.");
        md.AppendLine($"- Pinned rows run under `{(taskset is null ? $"Process.ProcessorAffinity = 1 << {cpu}" : $"taskset -c {cpu}")}` (one core); \"(unpinned)\" rows may use all cores.");
        md.AppendLine("- MB = 10^6 bytes of decompressed JSON lines; MiB = 2^20 bytes. MB/s = bytes / wall time; MB/s per core = bytes / CPU time (user+system, all threads of the child, timed part only).");
        md.AppendLine("- Modes: `lines` = read (and decompress) the file and split it into lines (SearchValues IndexOfAny('\\n') over a 1 MiB buffer); " +
                      "`json` = the same plus a bare `Utf8JsonReader` token loop over every line; `reader` = `EventLogReader.ReadAsync(path)` building the full `SparkApplication`" +
                      (variants.Any(v => v.Mode == Measure.BufferedLines) ? "; `buffered-lines` (profiling aid) = copy the whole file into a MemoryStream, ToArray, then decompress and split lines." : "."));
        md.AppendLine("- Peak WS = the child's `Process.PeakWorkingSet64` at the end (whole process, runtime included). Allocated = `GC.GetTotalAllocatedBytes(true)` delta. " +
                      "Retained heap = `GC.GetTotalMemory(true)` after the timed part, with the result still alive (the model, for `reader`).");
        md.AppendLine();
        md.AppendLine("| file | mode | wall s | MB/s | CPU s | MB/s per core | tasks/s | peak WS MiB | peak WS B/task | allocated MB | GCs g0/g1/g2 | GC pause ms | retained heap B/task |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var file in files)
        {
            foreach (var variant in variants)
            {
                var runs = results.Where(r => r.File == file && r.Variant == variant).Select(r => r.Result).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var bytes = runs[0].DecompressedBytes;
                var tasks = runs[0].Tasks;
                var wall = Median(runs.Select(r => r.WallMs)) / 1000;
                var cpuSeconds = Median(runs.Select(r => r.CpuMs)) / 1000;
                var peak = Median(runs.Select(r => (double)r.PeakWorkingSetBytes));
                var perTask = tasks > 0;
                md.AppendLine(string.Join(" | ", [
                    $"| {file}", variant.Label, F(wall, 3), F(bytes / 1e6 / wall, 1), F(cpuSeconds, 3), F(bytes / 1e6 / cpuSeconds, 1),
                    perTask ? F(tasks / wall, 0) : "—",
                    F(peak / 1048576, 1),
                    perTask ? F(peak / tasks, 0) : "—",
                    F(Median(runs.Select(r => (double)r.AllocatedBytes)) / 1e6, 1),
                    $"{Median(runs.Select(r => (double)r.Gen0))}/{Median(runs.Select(r => (double)r.Gen1))}/{Median(runs.Select(r => (double)r.Gen2))}",
                    F(Median(runs.Select(r => r.GcPauseMs)), 1),
                    perTask ? F(Median(runs.Select(r => (double)r.RetainedHeapBytes)) / tasks, 0) : "—",
                ]) + " |");
            }
        }

        md.AppendLine();
        md.AppendLine("Reader time as a ratio to the baselines of the same file in the same run (medians, pinned rows):");
        md.AppendLine();
        md.AppendLine("| file | reader wall / lines wall | reader wall / json wall | reader CPU / lines CPU | reader CPU / json CPU |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var file in files)
        {
            double WallOf(string mode) => Median(results.Where(r => r.File == file && r.Variant == new Variant(mode, true)).Select(r => r.Result.WallMs));
            double CpuOf(string mode) => Median(results.Where(r => r.File == file && r.Variant == new Variant(mode, true)).Select(r => r.Result.CpuMs));
            md.AppendLine($"| {file} | {F(WallOf(Measure.Reader) / WallOf(Measure.Lines), 2)} | {F(WallOf(Measure.Reader) / WallOf(Measure.Json), 2)} | " +
                          $"{F(CpuOf(Measure.Reader) / CpuOf(Measure.Lines), 2)} | {F(CpuOf(Measure.Reader) / CpuOf(Measure.Json), 2)} |");
        }

        md.AppendLine();
        md.AppendLine("Files:");
        md.AppendLine();
        foreach (var file in files)
        {
            var any = results.First(r => r.File == file && r.Variant.Mode == Measure.Reader).Result;
            md.AppendLine($"- `{file}`: {any.FileBytes} bytes on disk, {any.DecompressedBytes} bytes decompressed, {any.Lines} lines, {any.Tasks} tasks, {any.MalformedLines} malformed lines");
        }

        md.AppendLine();
        md.AppendLine("<details><summary>Every run</summary>");
        md.AppendLine();
        md.AppendLine("| round | file | mode | wall ms | CPU ms | peak WS bytes | allocated bytes | g0/g1/g2 | GC pause ms | retained heap bytes | cores seen |");
        md.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (file, variant, round, r) in results)
        {
            md.AppendLine($"| {round} | {file} | {variant.Label} | {F(r.WallMs, 1)} | {F(r.CpuMs, 1)} | {r.PeakWorkingSetBytes} | {r.AllocatedBytes} | " +
                          $"{r.Gen0}/{r.Gen1}/{r.Gen2} | {F(r.GcPauseMs, 1)} | {r.RetainedHeapBytes} | {r.ProcessorCount} |");
        }

        md.AppendLine();
        md.AppendLine("</details>");
        return md.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(Inv), Inv);

    private static string ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : "n/a";

    private static string CpuModel() =>
        ReadText("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    private static string MemTotal()
    {
        var line = ReadText("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? "memory unknown" : $"{line.Split(':', 2)[1].Trim()} RAM";
    }

    private static string RunTool(string tool, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Paths.RepoRoot() })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
