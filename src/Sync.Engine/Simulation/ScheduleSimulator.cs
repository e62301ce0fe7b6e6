using Sync.Engine.Applications;

namespace Sync.Engine.Simulation;

/// <summary>
/// Re-simulates a Spark application's schedule on a <see cref="ClusterShape"/>: jobs are submitted when the driver
/// submitted them, relative to the event that preceded them (so driver-only time is kept as measured); a stage is
/// submitted when its job is and its parent stages have completed; tasks go to free slots FIFO by job then stage, as
/// Spark's default scheduler does. Task durations are the measured ones; a shuffle stage whose task count follows
/// <c>spark.default.parallelism</c> (total cores when unset) or <c>spark.sql.shuffle.partitions</c> gets the target's
/// count, its measured work spread over the new tasks (<see cref="ClusterShape"/>). A stage's less local last tasks wait
/// for its locality level to relax as they did (<see cref="LocalityWait"/>), each fresh slot's first task carries
/// the executors' warm-up (<see cref="ColdStarts"/>), and GC time follows the heap pressure of cached data
/// (<see cref="GcRescaling"/>).
/// </summary>
/// <remarks>
/// Not modelled yet (the prediction says so where it matters): executor loss (predictions assume executors stay, and warn when the run lost some), speculation beyond what was observed,
/// resources the whole cluster shares (storage and network bandwidth), spill, and how task durations change with the
/// instance type's CPU.
/// </remarks>
public sealed class ScheduleSimulator
{
    private readonly ApplicationPlan _plan;
    private readonly List<long> _firstHeld;
    private SimulationResult? _reconstruction;

    /// <summary>Prepares <paramref name="app"/> for simulation (one pass over its tasks).</summary>
    /// <param name="app">The application read from its event log.</param>
    public ScheduleSimulator(SparkApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _plan = ApplicationPlanBuilder.Build(app);
        _firstHeld = ExecutorConcurrency.FirstHeld(_plan.ObservedExecutors.Select(e => (e.OffsetMs, e.RemovedOffsetMs)));
        FollowsDefaultParallelism = _plan.Stages.Any(s => s.PartitionedBy == PartitionSetting.DefaultParallelism);
        FollowsShufflePartitions = _plan.Stages.Any(s => s.PartitionedBy == PartitionSetting.SqlShufflePartitions);
    }

    /// <summary>The executor layout the application ran on: the most executors it held at once, their average cores.</summary>
    public ClusterShape ObservedShape => _plan.ObservedShape;

    /// <summary>Storage memory of an executor's block manager in the observed run (the median), when the log has it.</summary>
    public long? ObservedStorageBytesPerExecutor => _plan.StorageBytesPerExecutor;

    /// <summary>Whether some task read cached data, so that executor memory changes predictions (<see cref="ClusterShape.StorageBytesPerExecutor"/>).</summary>
    public bool ReadsCachedData => _plan.ReadsCachedData;

    /// <summary>
    /// Whether executor memory changes predictions: some task read cached data (<see cref="ReadsCachedData"/>), or the
    /// run cached data and the log says how much storage memory held it (GC time follows that pressure, <see cref="GcRescaling"/>).
    /// </summary>
    public bool MemoryMatters => _plan.ReadsCachedData || (_plan.PeakCachedBytes > 0 && _plan.StorageBytesPerExecutor is not null);

    /// <summary>Whether some task waited on shuffle fetches, so that network bandwidth changes predictions (<see cref="ClusterShape.NetworkPerExecutorRatio"/>).</summary>
    public bool WaitsOnShuffleFetch => _plan.WaitsOnShuffleFetch;

    /// <summary>Whether some shuffle stage's task count follows <c>spark.default.parallelism</c> (<see cref="ClusterShape.DefaultParallelism"/>).</summary>
    public bool FollowsDefaultParallelism { get; }

    /// <summary>Whether some shuffle stage's task count follows <c>spark.sql.shuffle.partitions</c> (<see cref="ClusterShape.ShufflePartitions"/>).</summary>
    public bool FollowsShufflePartitions { get; }

    /// <summary>The measured wall time.</summary>
    public long ObservedWallTimeMs => _plan.ObservedWallTimeMs;

    /// <summary>
    /// How far the <see cref="Reconstruct"/>ion misses the measured wall time: (reconstructed − measured) / measured, 0 for
    /// a zero measurement.
    /// </summary>
    public double ReconstructionError => RelativeError.Of(Reconstruct().WallTimeMs, _plan.ObservedWallTimeMs);

    /// <summary>
    /// Simulates the run as observed (the executors as they arrived and left, tasks that went to their data kept on the
    /// executor that held it): the reconstruction the model is calibrated on. Simulated once, on first use.
    /// </summary>
    public SimulationResult Reconstruct() => _reconstruction ??=
        Run(_plan.ObservedShape, _plan.ObservedExecutors.Select(e => new ExecutorArrival(e.OffsetMs, Slots(e.Cores), e.RemovedOffsetMs)).ToList(),
            _plan.Stages.Select(s => s.TaskDurationsMs).ToArray(), pinned: true).Result;

    /// <summary>
    /// Predicts the run on <paramref name="shape"/>. The k-th executor arrives when the observed run first held k
    /// executors at once (<see cref="ExecutorConcurrency"/>: replacements of lost executors do not count); executors
    /// beyond the most it held arrive when it held the most.
    /// </summary>
    /// <param name="shape">The executor layout to predict.</param>
    public SimulationResult Predict(ClusterShape shape) => PredictRun(shape, recordStages: false).Result;

    /// <summary>
    /// <see cref="Predict(ClusterShape)"/>, with when each stage attempt ran in the prediction: where its time goes.
    /// </summary>
    /// <param name="shape">The executor layout to predict.</param>
    public (SimulationResult Result, IReadOnlyList<StageTiming> Stages) PredictWithStages(ClusterShape shape) => PredictRun(shape, recordStages: true);

    private (SimulationResult Result, IReadOnlyList<StageTiming> Stages) PredictRun(ClusterShape shape, bool recordStages)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.Executors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shape.CoresPerExecutor, 1);
        var heldAtOnce = _firstHeld.Count;
        var (durations, warmUp) = TaskRescaling.Rescale(_plan, shape);
        var (result, stages) = Run(shape, Arrivals(shape), durations, warmUp, recordStages: recordStages);
        if (stages.Count > 0)
        {
            stages = stages.Select((t, i) => _plan.Stages[i].CacheHits is { } hits
                ? t with { ObservedCacheMisses = hits.Count(h => !h), CacheMisses = hits.Length - CacheRescaling.Hits(_plan, _plan.Stages[i], shape) }
                : t).ToList();
        }

        if (heldAtOnce > 0 && shape.Executors > 4 * heldAtOnce)
        {
            result = result with { Warnings = [.. result.Warnings, $"{shape.Executors} executors is more than 4x the {heldAtOnce} observed: task durations are extrapolated unchanged."] };
        }

        if (shape.Executors > _plan.DynamicAllocationMaxExecutors)
        {
            result = result with
            {
                Warnings = [.. result.Warnings, $"Only {_plan.DynamicAllocationMaxExecutors} of the {shape.Executors} executors run: spark.dynamicAllocation.maxExecutors caps them; raise it to use them."],
            };
        }

        return (result, stages);
    }

    /// <summary>
    /// The <see cref="PredictionInterval"/> of <see cref="Predict"/> on <paramref name="shape"/>: the spread of
    /// <paramref name="samples"/> simulations with task durations resampled within each stage, widened to the model's
    /// error on ground truth for a prediction this many doublings of slots away (<see cref="ModelErrorBands"/>), then by
    /// this run's reconstruction error (<see cref="ReconstructionError"/>). Deterministic for a given <paramref name="seed"/>.
    /// </summary>
    /// <param name="shape">The executor layout.</param>
    /// <param name="samples">Resampled runs (at least 3).</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <param name="bands">The model's error bands (default: <see cref="ModelErrorBands.BuiltIn"/>).</param>
    public PredictionInterval PredictInterval(ClusterShape shape, int samples = 30, int seed = 1, ModelErrorBands? bands = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 3);
        var arrivals = Arrivals(shape);
        var (baseline, warmUp) = TaskRescaling.Rescale(_plan, shape);
        var capacity = TaskRescaling.CapacityRatio(_plan, shape);
        var random = new Random(seed);
        var walls = new long[samples];
        for (var i = 0; i < samples; i++)
        {
            var resampled = new int[baseline.Length][];
            for (var s = 0; s < baseline.Length; s++)
            {
                var stage = baseline[s];
                var copy = resampled[s] = new int[stage.Length];
                for (var t = 0; t < copy.Length; t++)
                {
                    copy[t] = stage[random.Next(stage.Length)];
                }
            }

            walls[i] = new SimulationRun(_plan, arrivals, resampled, capacity, warmUp).Execute().WallTimeMs;
        }

        // The resampled runs lose the measured launch order, so their level differs a little from the prediction's:
        // keep their relative spread around the prediction itself.
        Array.Sort(walls);
        var point = new SimulationRun(_plan, arrivals, baseline, capacity, warmUp).Execute().WallTimeMs;
        double median = Math.Max(1, NearestRank.Quantile(walls, 0.5));
        var band = (bands ?? ModelErrorBands.BuiltIn).For(_plan.ObservedShape.Slots, shape.Slots);
        return new PredictionInterval(
                (long)Math.Round(point * (NearestRank.Quantile(walls, 0.1) / median)), point, (long)Math.Round(point * (NearestRank.Quantile(walls, 0.9) / median)), samples)
            .WithModelError(band)
            .Widened(Math.Abs(ReconstructionError));
    }

    /// <summary>
    /// The target's executors: the k-th arrives when the observed run first held k executors at once
    /// (<see cref="ExecutorConcurrency"/>), those beyond the most it held when it held the most.
    /// </summary>
    private List<ExecutorArrival> Arrivals(ClusterShape shape)
    {
        var firstHeld = _firstHeld;
        var last = firstHeld.Count == 0 ? 0 : firstHeld[^1];
        var count = Math.Min(shape.Executors, _plan.DynamicAllocationMaxExecutors ?? int.MaxValue);
        return Enumerable.Range(0, count)
            .Select(i => new ExecutorArrival(i < firstHeld.Count ? firstHeld[i] : last, shape.SlotsPerExecutor, null))
            .ToList();
    }

    private int Slots(int cores) => Math.Max(1, cores / Math.Max(1, _plan.TaskCpus));

    private (SimulationResult Result, IReadOnlyList<StageTiming> Stages) Run(
        ClusterShape shape, List<ExecutorArrival> arrivals, int[][] durations, WarmUpCharge[]? warmUp = null, bool pinned = false, bool recordStages = false)
    {
        var run = new SimulationRun(_plan, arrivals, durations, TaskRescaling.CapacityRatio(_plan, shape), warmUp, pinned, recordStages);
        var (wall, active) = run.Execute();
        return (new SimulationResult(shape, wall, active, Math.Max(0, wall - active), durations.Sum(d => d.Length), _plan.Warnings), run.StageTimings());
    }
}
