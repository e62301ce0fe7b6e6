namespace Sync.Engine.Simulation;

/// <summary>What an event anchors to in the plan: the application start, or a job's submission or completion.</summary>
internal enum AnchorKind
{
    ApplicationStart,
    JobSubmitted,
    JobCompleted,
}

/// <summary>The setting a shuffle-reading stage's task count follows.</summary>
internal enum PartitionSetting
{
    /// <summary>Fixed by its input (file splits, an explicit repartition): unchanged on another cluster.</summary>
    None,
    /// <summary><c>spark.default.parallelism</c> (RDD shuffles; total cores when unset).</summary>
    DefaultParallelism,
    /// <summary><c>spark.sql.shuffle.partitions</c>.</summary>
    SqlShufflePartitions,
}

/// <summary>An event of the plan that something else waits on, and how long after it the driver acted in the observed run.</summary>
internal readonly record struct Anchor(AnchorKind Kind, int Job, long GapMs);

/// <summary>One stage attempt that ran tasks: its task durations and how it waited on its dependencies when observed.</summary>
internal sealed class PlanStage
{
    public required int StageId;
    public required int AttemptId;
    public required int Job;
    public required int[] TaskDurationsMs;

    /// <summary>Per task, the part of its duration that does not shrink with its data: launch overhead and shuffle fetch wait.</summary>
    public required int[] TaskFixedMs;

    /// <summary>
    /// Whether the stage's tasks went to their data (cached blocks, or mostly node-local input) rather than wherever a
    /// slot was free. Not read from <c>PROCESS_LOCAL</c> alone: Spark 1.x reports tasks without a preference at that level.
    /// </summary>
    public bool RanLocal;

    /// <summary>What the stage's first task on a slot takes beyond a warm task: deserialising and compiling the stage's code (the median over them, <see cref="Simulation.ColdStarts"/>).</summary>
    public int StageWarmUpMs;

    /// <summary>What this stage's first task on a fresh slot took beyond a warm one, when the stage shows it (else the application's <see cref="ApplicationPlan.SlotWarmUpMs"/>).</summary>
    public int? SlotWarmUpMs;

    /// <summary>
    /// What this stage's second task on a slot took beyond a warm one (<see cref="TaskStart.SecondOnSlot"/>), when the
    /// stage shows it; 0 when it ran such tasks but no warm ones to compare with (their excess stays in their
    /// durations); <see langword="null"/> when it ran none (the application's <see cref="ApplicationPlan.SecondWarmUpMs"/>).
    /// </summary>
    public int? SecondWarmUpMs;

    /// <summary>The durations with the first tasks' excesses taken off (<see cref="Simulation.ColdStarts"/>); <see langword="null"/> when there is none.</summary>
    public int[]? WarmDurationsMs;

    /// <summary>The fixed parts matching <see cref="WarmDurationsMs"/>.</summary>
    public int[]? WarmFixedMs;

    /// <summary>
    /// Per task, the observed executor (an index into <see cref="ApplicationPlan.ObservedExecutors"/>) that a
    /// reconstruction runs it on, or −1 for any; <see langword="null"/> when no task is pinned. Pinned are tasks that
    /// went to their data (<c>PROCESS_LOCAL</c> in a stage that <see cref="RanLocal"/>), and tasks of executors that were
    /// lost during the run: where they ran follows from block locations and failures the plan does not model.
    /// </summary>
    public int[]? PinnedExecutors;

    /// <summary>Per task, its JVM GC time; <see langword="null"/> when no task collected.</summary>
    public int[]? TaskGcMs;

    /// <summary>Per task, the shuffle fetch wait within its fixed part (time blocked on the network); <see langword="null"/> when none waited.</summary>
    public int[]? TaskFetchWaitMs;
    public long SubmitDelayMs;

    /// <summary>Per task, whether it read its input from a cached block in memory; <see langword="null"/> when none did or the log does not say.</summary>
    public bool[]? CacheHits;

    /// <summary>The cached data resident while the stage ran, when the log sizes the application's persisted RDDs; <see langword="null"/> otherwise.</summary>
    public CacheFootprint? CacheFootprint;

    /// <summary>Whether some task read input through a Hadoop input format (so it computed, or recomputed, its data).</summary>
    public bool ReadsInput;

    /// <summary>Bytes of the stage's lineage cached in memory when it completed.</summary>
    public long CachedBytes;

    /// <summary>Which setting the stage's task count follows (a shuffle-reading stage), and its tasks per unit of it.</summary>
    public PartitionSetting PartitionedBy;
    public double TasksPerPartitionUnit;
    public long CompletionTailMs;

    /// <summary>Launch-order index of the first task that waited for the stage's locality level to relax (<see cref="LocalityWait"/>); −1 when none did.</summary>
    public int LocalityTailStart = -1;

    /// <summary>How long after the stage's last more local launch its relaxed tasks could go.</summary>
    public int LocalityDelayMs;
    public readonly List<int> Dependencies = [];
    public readonly List<int> Dependents = [];
}

/// <summary>One job: when the driver submitted it relative to an anchor, its stages, and its completion tail.</summary>
internal sealed class PlanJob
{
    public required int Id;
    public required Anchor Submit;
    public readonly List<int> Stages = [];
    public long CompletionTailMs;
    public readonly List<int> AnchoredJobs = [];
}

/// <summary>
/// The schedule-relevant skeleton of a <see cref="Applications.SparkApplication"/>, made by <see cref="ApplicationPlanBuilder"/>:
/// jobs anchored to the events that preceded them (so driver-only time is kept as measured), stage attempts with
/// their dependencies and measured task durations, and the observed executor arrivals.
/// </summary>
internal sealed class ApplicationPlan
{
    public required List<PlanJob> Jobs { get; init; }
    public required List<PlanStage> Stages { get; init; }
    public required List<int> JobsAnchoredToStart { get; init; }
    public required Anchor End { get; init; }
    public required List<(long OffsetMs, int Cores, long? RemovedOffsetMs)> ObservedExecutors { get; init; }
    public required int TaskCpus { get; init; }
    public required bool DefaultParallelismSet { get; init; }
    public required int ObservedDefaultParallelism { get; init; }
    public required int ObservedShufflePartitions { get; init; }
    public required ClusterShape ObservedShape { get; init; }
    public required long ObservedWallTimeMs { get; init; }

    /// <summary>Storage memory of an executor's block manager (the median), when the log has it.</summary>
    public required long? StorageBytesPerExecutor { get; init; }

    /// <summary>
    /// The most bytes the cache held at once: the largest of the stages' lineage sizes (<see cref="PlanStage.CachedBytes"/>)
    /// and of what was resident together while a stage ran (<see cref="CacheFootprint.ResidentBytes"/>, which also
    /// counts data cached by other stages and not yet unpersisted).
    /// </summary>
    public required long PeakCachedBytes { get; init; }

    /// <summary>Whether some task read cached data (some stage has <see cref="PlanStage.CacheHits"/>).</summary>
    public required bool ReadsCachedData { get; init; }

    /// <summary>Whether some task waited on shuffle fetches (some stage has <see cref="PlanStage.TaskFetchWaitMs"/>).</summary>
    public required bool WaitsOnShuffleFetch { get; init; }

    /// <summary>What recomputing an uncached partition costs over reading it from the cache (<see cref="CacheRescaling.MissPenaltyMs"/>).</summary>
    public required double? CacheMissPenaltyMs { get; init; }

    /// <summary>What a slot's first task takes over the stage's other tasks (the median deserialisation excess of the slots' first tasks, <see cref="ColdStarts.MedianExcessMs(IReadOnlyList{int[]}, IReadOnlyList{TaskStart[]}, TaskStart)"/>).</summary>
    public required int SlotWarmUpMs { get; init; }

    /// <summary>What a slot's second task takes over warm ones (the median over stages that show it, <see cref="PlanStage.SecondWarmUpMs"/>).</summary>
    public required int SecondWarmUpMs { get; init; }
    public required List<string> Warnings { get; init; }

    /// <summary><c>spark.dynamicAllocation.maxExecutors</c> when dynamic allocation was on and it was set.</summary>
    public int? DynamicAllocationMaxExecutors { get; init; }
}
