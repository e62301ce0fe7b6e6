using Sync.Engine.Applications;
using Sync.Engine.Catalog;
using Sync.Engine.Clusters;
using Sync.Engine.Costs;
using Sync.Engine.Simulation;
using Sync.Engine.Specs;

namespace Sync.Engine.Recommendations;

/// <summary>
/// Searches worker instance types (<see cref="CandidateTypes"/>) × node counts, with executors laid out on each type
/// as <see cref="ExecutorLayout"/> says, simulates each distinct executor shape once with <see cref="ScheduleSimulator"/>,
/// prices every candidate with <see cref="CostModel"/>, and returns the runtime/cost Pareto front with the performance,
/// balanced and economy solutions. Deterministic: the same input gives the same output.
/// </summary>
/// <param name="catalog">Instance types and prices.</param>
/// <param name="bands">The model's error bands the solutions' intervals are widened to (default: <see cref="ModelErrorBands.BuiltIn"/>).</param>
public sealed class Recommender(InstanceCatalog catalog, ModelErrorBands? bands = null)
{
    private static readonly string[] WorkerRoles = ["core", "task", "worker"];

    /// <summary>Resampled simulations behind each named solution's interval (nearest-rank p10 and p90 of 16 runs are the 2nd and 15th).</summary>
    internal const int IntervalSamples = 16;

    /// <summary>Recommends configurations for the application of <paramref name="app"/> run on the cluster of <paramref name="report"/>.</summary>
    /// <param name="app">The run's application model.</param>
    /// <param name="report">The run's cluster report.</param>
    /// <param name="deadline">The deadline (SLA), if any.</param>
    /// <param name="maxWorkerNodes">
    /// The most worker cores to consider, in observed worker nodes (default: 4 × the observed count, at least 16); the
    /// observed worker type is searched from 1 to this many nodes, other types up to the same number of vCPUs.
    /// </param>
    /// <param name="searchInstanceTypes">Whether to search other worker instance types than the observed one.</param>
    /// <exception cref="InvalidDataException">The report has no worker nodes, or its node types are not in the catalog.</exception>
    public Recommendation Recommend(
        SparkApplication app, ClusterReport report, TimeSpan? deadline = null, int? maxWorkerNodes = null, bool searchInstanceTypes = true)
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

        if (!catalog.TryGet(workers[0].InstanceType, out var observedType))
        {
            throw new InvalidDataException($"Instance type '{workers[0].InstanceType}' is not in the instance catalog of {catalog.Date}; update it with a newer catalog file.");
        }

        var simulator = new ScheduleSimulator(app);
        var observedShape = simulator.ObservedShape;
        var executorsPerNode = Math.Max(1, (int)Math.Round(observedShape.Executors / (double)observedNodes));
        var warnings = new List<string>();
        if (executorsPerNode * observedShape.CoresPerExecutor > observedType.Vcpu)
        {
            warnings.Add($"The event log's {observedShape.Executors} executors of {observedShape.CoresPerExecutor} cores do not fit on the report's " +
                         $"{observedNodes} x {observedType.Type} ({observedType.Vcpu} vCPU each): check that the log and the report describe the same run.");
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

        var observedMemoryPerExecutor = observedType.MemoryMiB / (double)executorsPerNode;
        var observedLayout = new ExecutorLayout(executorsPerNode, observedShape.CoresPerExecutor, observedMemoryPerExecutor);
        var simulations = new Dictionary<ClusterShape, SimulationResult>();

        Solution Evaluate(InstanceType type, ExecutorLayout layout, int nodes, SimulationResult result)
        {
            var conf = SolutionChanges.SparkConf(app, report, observedLayout, layout, observedShape, result.Shape);
            var candidate = WithWorkers(report, workers[0], type.Type, nodes, overhead + TimeSpan.FromMilliseconds(result.WallTimeMs), conf);
            try
            {
                return new Solution(nodes, result.Shape, candidate, result.WallTimeMs, costs.Cost(candidate), result.Warnings)
                {
                    Changes = SolutionChanges.Describe(workers[0], observedNodes, type.Type, nodes, report.SparkConf, conf),
                };
            }
            catch (KeyNotFoundException e)
            {
                throw new InvalidDataException(e.Message, e);
            }
        }

        SimulationResult Simulate(ClusterShape shape)
        {
            if (!simulations.TryGetValue(shape, out var result))
            {
                simulations[shape] = result = simulator.Predict(shape);
            }

            return result;
        }

        var observed = Evaluate(observedType, observedLayout, observedNodes, simulator.Reconstruct());
        var maxCores = (maxWorkerNodes ?? Math.Max(16, 4 * observedNodes)) * observedType.Vcpu;
        var types = searchInstanceTypes
            ? CandidateTypes.For(catalog, observedType, report.Region, report.Platform == "aws-databricks", minVcpu: Math.Min(observedShape.CoresPerExecutor, observedType.Vcpu))
            : [observedType];
        var solutions = new List<Solution>();
        var databricks = report.Platform == "aws-databricks";
        foreach (var type in types)
        {
            foreach (var layout in Layouts(type, observedType, observedLayout, databricks))
            {
                var observedLayoutHere = type.Type == observedType.Type && layout == observedLayout;
                // Executor memory matters to the simulation only through cached data (hits, and GC under its pressure);
                // without it, shapes that differ only in memory are one simulation.
                var storage = !observedLayoutHere && simulator.MemoryMatters && simulator.ObservedStorageBytesPerExecutor is { } s
                    ? (long?)Math.Round(s * layout.NodeMemoryMiBPerExecutor / observedMemoryPerExecutor)
                    : null;
                var network = observedLayoutHere || !simulator.WaitsOnShuffleFetch ? 1 : NetworkRatio(type, layout, observedType, observedLayout);
                var maxNodes = Math.Max(1, maxCores / type.Vcpu);
                for (var nodes = 1; nodes <= maxNodes; nodes++)
                {
                    var shape = PartitionScaling.Apply(
                        simulator,
                        observedShape with
                        {
                            Executors = nodes * layout.ExecutorsPerNode,
                            CoresPerExecutor = layout.CoresPerExecutor,
                            StorageBytesPerExecutor = storage,
                            NetworkPerExecutorRatio = network,
                        });
                    solutions.Add(Evaluate(type, layout, nodes, Simulate(shape)));
                }
            }
        }

        var front = solutions
            .Where(s => !solutions.Any(o => Dominates(o, s)))
            .GroupBy(s => (s.PredictedRuntimeMs, Math.Round(s.Cost.TotalUsd, 6)))
            .Select(g => g.OrderBy(s => s.WorkerInstanceType == observedType.Type ? 0 : 1).ThenBy(s => s.WorkerNodes).ThenBy(s => s.WorkerInstanceType, StringComparer.Ordinal).First())
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
        if (types.Count > 1)
        {
            warnings.Add($"{types.Count} worker types of generation {observedType.Generation} ({observedType.Architecture}) were searched with a core as fast " +
                         $"as a {observedType.Type} core; the model does not rescale CPU speed across types.");
        }

        Solution Configured(Solution s) => s with { PlatformConfiguration = PlatformSpec.For(report, s.Report) };
        var reconstructionError = simulator.ReconstructionError;
        if (Math.Abs(reconstructionError) > 0.05)
        {
            warnings.Add($"Re-simulated on its own cluster, the run takes {reconstructionError:+0.0%;-0.0%} of its measured time: " +
                         "predictions for this run are less certain (their intervals are widened by as much).");
        }

        var intervals = new Dictionary<ClusterShape, PredictionInterval>();
        Solution WithInterval(Solution s)
        {
            if (!intervals.TryGetValue(s.Shape, out var interval))
            {
                intervals[s.Shape] = interval = simulator.PredictInterval(s.Shape, IntervalSamples, bands: bands);
            }

            return Configured(s) with { Interval = interval };
        }

        return new Recommendation(
            Configured(observed), simulator.ObservedWallTimeMs, solutions.Count, front.Select(Configured).ToList(),
            WithInterval(fastest), WithInterval(balanced), WithInterval(cheapest),
            withinDeadline is null ? null : WithInterval(withinDeadline), warnings)
        {
            DistinctSimulations = simulations.Count,
            All = solutions,
        };
    }

    /// <summary>
    /// Executor layouts tried on a worker type: the observed cores per executor and, where executors are sized by the
    /// user (EMR on YARN), 2, 4 and 8 cores per executor that the type's vCPUs hold. Databricks runs one executor per
    /// worker with all its cores.
    /// </summary>
    private static IEnumerable<ExecutorLayout> Layouts(InstanceType type, InstanceType observedType, ExecutorLayout observed, bool databricks)
    {
        if (databricks)
        {
            yield return type.Type == observedType.Type ? observed : ExecutorLayout.On(type, observed.CoresPerExecutor, oneExecutorPerNode: true);
            yield break;
        }

        var seen = new HashSet<int>();
        foreach (var cores in new[] { observed.CoresPerExecutor, 2, 4, 8 })
        {
            if (cores > type.Vcpu || !seen.Add(Math.Min(cores, type.Vcpu)))
            {
                continue;
            }

            yield return type.Type == observedType.Type && cores == observed.CoresPerExecutor
                ? observed
                : ExecutorLayout.On(type, cores, oneExecutorPerNode: false);
        }
    }

    /// <summary>
    /// Baseline network bandwidth per executor on <paramref name="type"/> over the observed; 1 when either type's
    /// bandwidth is unknown. Rounded to 1 %, so that near-equal links share simulations.
    /// </summary>
    private static double NetworkRatio(InstanceType type, ExecutorLayout layout, InstanceType observedType, ExecutorLayout observedLayout) =>
        type.NetworkMbps is { } mbps && observedType.NetworkMbps is { } observedMbps && mbps > 0 && observedMbps > 0
            ? Math.Round(mbps / (double)layout.ExecutorsPerNode / (observedMbps / (double)observedLayout.ExecutorsPerNode), 2)
            : 1;

    private static bool Dominates(Solution a, Solution b) =>
        a.PredictedRuntimeMs <= b.PredictedRuntimeMs && a.Cost.TotalUsd <= b.Cost.TotalUsd
        && (a.PredictedRuntimeMs < b.PredictedRuntimeMs || a.Cost.TotalUsd < b.Cost.TotalUsd);

    private static ClusterReport WithWorkers(
        ClusterReport report, NodeGroup workers, string type, int nodes, TimeSpan billed, IReadOnlyDictionary<string, string> confChanges)
    {
        // A recorded spot price belongs to the observed type only.
        var group = type == workers.InstanceType
            ? workers with { Count = nodes }
            : workers with { InstanceType = type, Count = nodes, SpotPriceUsdPerHour = null };
        var conf = confChanges.Count == 0 ? report.SparkConf : SolutionChanges.Merge(report.SparkConf, confChanges);
        return report with
        {
            Nodes = report.Nodes.Where(n => !WorkerRoles.Contains(n.Role)).Append(group).ToArray(),
            SparkConf = conf,
            Timeline = report.Timeline with { Terminated = report.Timeline.Requested + billed },
        };
    }
}
