using Sync.Engine.Applications;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Engine.Simulation;

namespace Sync.Engine.Recommendations;

/// <summary>
/// Searches worker-node counts of the observed worker instance type (executors per node and cores per executor kept),
/// simulates each with <see cref="ScheduleSimulator"/>, prices it with <see cref="CostModel"/>, and returns the
/// runtime/cost Pareto front with the performance, balanced and economy solutions. Deterministic.
/// </summary>
/// <remarks>
/// Other instance types are not searched yet: that needs task durations rescaled for CPU generation, memory and
/// network (issue 3), and the model does not do that yet, so it does not guess.
/// </remarks>
public sealed class Recommender(InstanceCatalog catalog)
{
    private static readonly string[] WorkerRoles = ["core", "task", "worker"];

    /// <summary>Recommends configurations for the application of <paramref name="app"/> run on the cluster of <paramref name="report"/>.</summary>
    /// <param name="app">The run's application model.</param>
    /// <param name="report">The run's cluster report.</param>
    /// <param name="deadline">The deadline (SLA), if any.</param>
    /// <param name="maxWorkerNodes">The largest worker count to consider (default: 4 × observed, at least 16).</param>
    /// <exception cref="InvalidDataException">The report has no worker nodes, or its node types are not in the catalog.</exception>
    public Recommendation Recommend(SparkApplication app, ClusterReport report, TimeSpan? deadline = null, int? maxWorkerNodes = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(report);
        var workers = report.Nodes.Where(n => WorkerRoles.Contains(n.Role)).ToList();
        var observedNodes = workers.Sum(n => n.Count);
        if (workers.Count == 0 || observedNodes == 0)
        {
            throw new InvalidDataException("The cluster report has no worker nodes (roles core, task or worker) to scale.");
        }

        if (workers.Select(w => w.InstanceType).Distinct().Count() > 1)
        {
            throw new InvalidDataException("Worker groups of several instance types are not supported yet; give one worker instance type.");
        }

        var simulator = new ScheduleSimulator(app);
        var observedShape = simulator.ObservedShape;
        var executorsPerNode = Math.Max(1, (int)Math.Round(observedShape.Executors / (double)observedNodes));
        var warnings = new List<string>();
        if (catalog.TryGet(workers[0].InstanceType, out var node) && executorsPerNode * observedShape.CoresPerExecutor > node.Vcpu)
        {
            warnings.Add($"The event log's {observedShape.Executors} executors of {observedShape.CoresPerExecutor} cores do not fit on the report's " +
                         $"{observedNodes} x {node.Type} ({node.Vcpu} vCPU each): check that the log and the report describe the same run.");
        }

        if (observedShape.Executors % observedNodes != 0 && observedShape.Executors > observedNodes)
        {
            warnings.Add($"The event log's {observedShape.Executors} executors do not divide evenly over the report's {observedNodes} worker nodes; " +
                         $"{executorsPerNode} executors per node are assumed.");
        }
        var costs = new CostModel(catalog);
        // Time the cluster is billed beyond the application itself (provisioning, bootstrap, shutdown), kept as observed.
        var overhead = (report.Timeline.Terminated - report.Timeline.Requested) - TimeSpan.FromMilliseconds(simulator.ObservedWallTimeMs);
        if (overhead < TimeSpan.Zero)
        {
            overhead = TimeSpan.Zero;
        }

        Solution Evaluate(int nodes, SimulationResult result)
        {
            var candidate = WithWorkers(report, workers[0], nodes, overhead + TimeSpan.FromMilliseconds(result.WallTimeMs));
            try
            {
                return new Solution(nodes, result.Shape, candidate, result.WallTimeMs, costs.Cost(candidate), result.Warnings);
            }
            catch (KeyNotFoundException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
        }

        var observed = Evaluate(observedNodes, simulator.Reconstruct());
        var max = maxWorkerNodes ?? Math.Max(16, 4 * observedNodes);
        var solutions = Enumerable.Range(1, max)
            .Select(n => Evaluate(n, simulator.Predict(observedShape with { Executors = n * executorsPerNode })))
            .ToList();

        var front = solutions
            .Where(s => !solutions.Any(o => Dominates(o, s)))
            .GroupBy(s => (s.PredictedRuntimeMs, Math.Round(s.Cost.TotalUsd, 6)))
            .Select(g => g.OrderBy(s => s.WorkerNodes).First())
            .OrderBy(s => s.PredictedRuntimeMs).ThenBy(s => s.Cost.TotalUsd)
            .ToList();
        var fastest = front.First();
        var cheapest = front.OrderBy(s => s.Cost.TotalUsd).ThenBy(s => s.PredictedRuntimeMs).First();
        var balanced = front
            .OrderBy(s => s.PredictedRuntimeMs / (double)Math.Max(1, fastest.PredictedRuntimeMs) + s.Cost.TotalUsd / Math.Max(1e-9, cheapest.Cost.TotalUsd))
            .ThenBy(s => s.WorkerNodes)
            .First();
        var withinDeadline = deadline is { } d
            ? front.Where(s => s.PredictedRuntimeMs <= d.TotalMilliseconds).OrderBy(s => s.Cost.TotalUsd).FirstOrDefault()
            : null;

        Solution WithInterval(Solution s) => s with { Interval = simulator.PredictInterval(s.Shape) };
        return new Recommendation(
            observed, simulator.ObservedWallTimeMs, solutions.Count, front, WithInterval(fastest), WithInterval(balanced), WithInterval(cheapest),
            withinDeadline is null ? null : WithInterval(withinDeadline), warnings);
    }

    private static bool Dominates(Solution a, Solution b) =>
        a.PredictedRuntimeMs <= b.PredictedRuntimeMs && a.Cost.TotalUsd <= b.Cost.TotalUsd
        && (a.PredictedRuntimeMs < b.PredictedRuntimeMs || a.Cost.TotalUsd < b.Cost.TotalUsd);

    private static ClusterReport WithWorkers(ClusterReport report, NodeGroup workers, int nodes, TimeSpan billed) =>
        report with
        {
            Nodes = report.Nodes.Where(n => !WorkerRoles.Contains(n.Role)).Append(workers with { Count = nodes }).ToArray(),
            Timeline = report.Timeline with { Terminated = report.Timeline.Requested + billed },
        };
}
