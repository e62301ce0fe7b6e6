using System.Diagnostics;
using System.Globalization;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.EventLogs;
using Sync.Engine.Recommendations;

namespace Sync.Bench;

/// <summary>
/// <c>recommend --log FILE --report FILE [--repeat 3]</c>: times a full recommendation (plan, every candidate simulated
/// or shared, front, intervals) on an event log already read into memory; prints one line per repeat and the median.
/// </summary>
internal static class RecommendBench
{
    public static int Run(string[] args)
    {
        var log = Paths.FromRoot(Paths.Option(args, "--log") ?? Path.Combine("bench/out", Paths.PlainName));
        var reportPath = Paths.FromRoot(Paths.Option(args, "--report") ?? "samples/reports/emr-m5xlarge-1-master-4-core.json");
        var repeat = int.Parse(Paths.Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var app = EventLogReader.ReadAsync(log).GetAwaiter().GetResult();
        var report = ClusterReport.Parse(File.ReadAllText(reportPath), reportPath);
        var recommender = new Recommender(InstanceCatalog.BuiltIn);
        Console.WriteLine($"{Path.GetFileName(log)}: {app.Tasks.Count} tasks, {app.Stages.Count} stage attempts; report {Path.GetFileName(reportPath)}");

        var parts = Stopwatch.StartNew();
        var simulator = new Sync.Engine.Simulation.ScheduleSimulator(app);
        var plan = parts.Elapsed.TotalSeconds;
        parts.Restart();
        var shape = simulator.ObservedShape;
        const int runs = 20;
        for (var i = 0; i < runs; i++)
        {
            simulator.Predict(shape with { Executors = shape.Executors + i });
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parts: plan {plan:F3} s, one simulation {parts.Elapsed.TotalSeconds / runs * 1000:F1} ms (mean of {runs}), one interval {Time(() => simulator.PredictInterval(shape)) * 1000:F1} ms"));

        var seconds = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = recommender.Recommend(app, report);
            sw.Stop();
            seconds.Add(sw.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: {sw.Elapsed.TotalSeconds:F3} s, {r.Candidates} candidates, {r.DistinctSimulations} distinct simulations, front {r.Front.Count}"));
        }

        seconds.Sort();
        static double Time(Action action)
        {
            var sw = Stopwatch.StartNew();
            action();
            return sw.Elapsed.TotalSeconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {seconds[seconds.Count / 2]:F3} s over {repeat} runs"));
        return 0;
    }
}
