using Sync.Engine.Applications;

namespace Sync.Engine.Simulation;

/// <summary>Builds an <see cref="ApplicationPlan"/> from a <see cref="SparkApplication"/>.</summary>
internal static class ApplicationPlanBuilder
{
    /// <summary>What the plan needs of one finished task, its times clamped to the application's.</summary>
    private readonly record struct ObservedTask(
        long Launch, long Finish, int Fixed, int FetchWait, TaskInputSource Source, TaskLocality Locality, int Executor, int Deserialize, int Gc, long BytesRead);

    public static ApplicationPlan Build(SparkApplication app)
    {
        var start = app.Info.StartTimeMs;
        var warnings = new List<string>();
        if (app.ReadReport.IsIncomplete)
        {
            warnings.Add("The event log is incomplete: the prediction covers only what it recorded.");
        }

        // One pass over the tasks: durations per stage attempt, and each executor's first launch and last finish.
        var tasks = new Dictionary<(int, int), List<ObservedTask>>();
        var executorSpans = Enumerable.Repeat((FirstLaunch: long.MaxValue, LastFinish: long.MinValue), app.Tasks.ExecutorIds.Count).ToArray();
        var outside = 0;
        foreach (var chunk in app.Tasks.Chunks)
        {
            foreach (ref readonly var t in chunk.Span)
            {
                if (t.LaunchTimeMs < start || t.LaunchTimeMs > app.EndTimeMs)
                {
                    // The driver launched it outside the application's run: its times are corrupt, not late.
                    outside++;
                    continue;
                }

                ref var executor = ref executorSpans[t.ExecutorIndex];
                executor = (Math.Min(executor.FirstLaunch, t.LaunchTimeMs), Math.Max(executor.LastFinish, Math.Min(t.FinishTimeMs, app.EndTimeMs)));

                if (!tasks.TryGetValue((t.StageId, t.StageAttemptId), out var list))
                {
                    tasks[(t.StageId, t.StageAttemptId)] = list = [];
                }

                // A task cannot outlive the application (some logs carry skewed or edited finish times).
                var launch = t.LaunchTimeMs;
                var finish = Math.Clamp(t.FinishTimeMs, launch, app.EndTimeMs);
                var scalable = Math.Max(0, t.ExecutorRunTimeMs - t.ShuffleFetchWaitTimeMs);
                var fixedPart = (int)Math.Clamp(finish - launch - scalable, 0, finish - launch);
                list.Add(new ObservedTask(launch, finish, fixedPart, Math.Clamp(t.ShuffleFetchWaitTimeMs, 0, fixedPart), t.InputSource, t.Locality, t.ExecutorIndex, t.ExecutorDeserializeTimeMs, t.JvmGcTimeMs, t.InputBytes + t.ShuffleBytesRead));
            }
        }

        if (outside > 0)
        {
            warnings.Add($"{outside} task(s) carry launch times outside the application's run (the log was edited or corrupted): the schedule leaves them out.");
        }

        // Jobs in submission order; stage attempts without a known job get a job of their own.
        var jobInfos = app.Jobs.Where(j => j.SubmissionTimeMs is not null).OrderBy(j => j.SubmissionTimeMs).ThenBy(j => j.Id).ToList();
        var jobIndex = jobInfos.Select((j, i) => (j.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var firstAttemptJob = app.Stages.Where(s => s.AttemptId == 0 || s.JobId >= 0).GroupBy(s => s.StageId).ToDictionary(g => g.Key, g => g.Max(s => s.JobId));
        var stageInfo = app.Stages.ToDictionary(s => (s.StageId, s.AttemptId));
        var footprints = CacheFootprint.Of(app);

        var jobObserved = new List<(long Submit, long Complete)>();
        var jobs = new List<PlanJob>();
        foreach (var j in jobInfos)
        {
            jobs.Add(new PlanJob { Id = j.Id, Submit = default });
            jobObserved.Add((j.SubmissionTimeMs!.Value, j.CompletionTimeMs ?? long.MinValue));
        }

        var localityWait = LocalityWait.From(app.SparkProperties);
        var stages = new List<PlanStage>();
        var stageTasks = new List<List<ObservedTask>>();
        var headHolds = new List<int>();
        var stageObserved = new List<(long Submit, long LastFinish, long Complete)>();
        foreach (var ((stageId, attemptId), list) in tasks.OrderBy(t => t.Value.Min(x => x.Launch)))
        {
            list.Sort((a, b) => a.Launch.CompareTo(b.Launch));
            var firstLaunch = list[0].Launch;
            var lastFinish = list.Max(x => x.Finish);
            stageInfo.TryGetValue((stageId, attemptId), out var info);
            var submit = Math.Min(info?.SubmissionTimeMs ?? firstLaunch, firstLaunch);
            var complete = Math.Max(info?.CompletionTimeMs ?? lastFinish, lastFinish);
            var job = firstAttemptJob.TryGetValue(stageId, out var jobId) && jobIndex.TryGetValue(jobId, out var ji) ? ji : -1;
            if (job < 0)
            {
                // No job announced it (its job start is missing): a job of its own, submitted with the stage.
                job = jobs.Count;
                jobs.Add(new PlanJob { Id = -1, Submit = default });
                jobObserved.Add((submit, complete));
            }

            var levels = list.Select(x => x.Locality).ToArray();
            var (tailStart, localityDelay) = localityWait.Tail(list.Select(x => x.Launch).ToArray(), levels);
            headHolds.Add(localityWait.Head(levels, firstLaunch - submit));
            stages.Add(new PlanStage
            {
                StageId = stageId,
                AttemptId = attemptId,
                Job = job,
                TaskDurationsMs = list.Select(x => (int)Math.Min(int.MaxValue, x.Finish - x.Launch)).ToArray(),
                TaskFixedMs = list.Select(x => x.Fixed).ToArray(),
                TaskGcMs = list.Any(x => x.Gc > 0) ? list.Select(x => Math.Clamp(x.Gc, 0, (int)Math.Min(int.MaxValue, x.Finish - x.Launch))).ToArray() : null,
                TaskFetchWaitMs = list.Any(x => x.FetchWait > 0) ? list.Select(x => x.FetchWait).ToArray() : null,
                CacheHits = list.Any(x => IsCacheRead(x.Source)) ? list.Select(x => IsCacheRead(x.Source)).ToArray() : null,
                ReadsInput = list.Any(x => x.Source == TaskInputSource.Hadoop),
                CachedBytes = info?.CachedBytes ?? 0,
                CacheFootprint = footprints.GetValueOrDefault((stageId, attemptId)),
                CompletionTailMs = Math.Max(0, complete - lastFinish),
                LocalityTailStart = tailStart,
                RanLocal = list.Any(x => x.Source is TaskInputSource.Memory or TaskInputSource.Disk)
                           || 2 * list.Count(x => x.Locality is TaskLocality.NodeLocal or TaskLocality.RackLocal) > list.Count,
                LocalityDelayMs = localityDelay,
            });
            stageObserved.Add((submit, lastFinish, complete));
            stageTasks.Add(list);
            jobs[job].Stages.Add(stages.Count - 1);
        }

        var (slotWarmUp, secondWarmUp) = MarkColdStarts(app, stages, stageTasks);

        // Dependencies: the parents' attempts (and this stage's previous attempt) that completed before it was submitted.
        var attemptsByStage = stages.Select((s, i) => (s, i)).GroupBy(p => p.s.StageId).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToList());
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            stageInfo.TryGetValue((s.StageId, s.AttemptId), out var info);
            var candidates = (info?.ParentIds ?? []).Append(s.StageId);
            foreach (var parentId in candidates)
            {
                if (!attemptsByStage.TryGetValue(parentId, out var attempts))
                {
                    continue;
                }

                var dependency = attempts
                    .Where(a => a != i && stageObserved[a].Complete <= stageObserved[i].Submit)
                    .Where(a => parentId != s.StageId || stages[a].AttemptId < s.AttemptId)
                    .OrderByDescending(a => stageObserved[a].Complete)
                    .FirstOrDefault(-1);
                if (dependency >= 0)
                {
                    s.Dependencies.Add(dependency);
                    stages[dependency].Dependents.Add(i);
                }
            }

            var ready = Math.Max(jobObserved[s.Job].Submit, s.Dependencies.Select(d => stageObserved[d].Complete).DefaultIfEmpty(long.MinValue).Max());
            s.SubmitDelayMs = Math.Max(0, stageObserved[i].Submit - ready);
        }

        // Job completion tails and anchors (the latest earlier job event or the application start).
        for (var j = 0; j < jobs.Count; j++)
        {
            var lastStage = jobs[j].Stages.Select(s => stageObserved[s].Complete).DefaultIfEmpty(jobObserved[j].Submit).Max();
            var complete = jobObserved[j].Complete == long.MinValue ? lastStage : Math.Max(jobObserved[j].Complete, lastStage);
            jobObserved[j] = (jobObserved[j].Submit, complete);
            jobs[j].CompletionTailMs = complete - lastStage;
        }

        var completions = jobObserved.Select((o, i) => (Time: o.Complete, Job: i)).OrderBy(c => c.Time).ToList();
        var anchoredToStart = new List<int>();
        var order = Enumerable.Range(0, jobs.Count).OrderBy(j => jobObserved[j].Submit).ThenBy(j => j).ToList();
        var rank = new int[jobs.Count];
        for (var k = 0; k < order.Count; k++)
        {
            rank[order[k]] = k;
        }

        for (var k = 0; k < order.Count; k++)
        {
            var j = order[k];
            var current = k;
            var anchor = AnchorBefore(jobObserved[j].Submit, start, k > 0 ? order[k - 1] : -1, jobObserved, completions, other => rank[other] < current);
            jobs[j].Submit = anchor;
            if (anchor.Kind == AnchorKind.ApplicationStart)
            {
                anchoredToStart.Add(j);
            }
            else
            {
                jobs[anchor.Job].AnchoredJobs.Add(j);
            }
        }

        var spansById = app.Tasks.ExecutorIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => executorSpans[p.i], StringComparer.Ordinal);
        // The run's configuration is the executors it was given; its schedule ran on those that ran tasks.
        var executorsForShape = ObservedExecutors(app, start, tasks, spansById, onlyThoseThatRanTasks: false);
        var identified = ObservedExecutors(app, start, tasks, spansById, onlyThoseThatRanTasks: true);
        var executors = identified.Select(e => (e.OffsetMs, e.Cores, e.RemovedOffsetMs)).ToList();
        PinTasks(app, stages, stageTasks, identified);
        WarnOfLostExecutors(executors, executorSpans.Select(e => e.LastFinish).DefaultIfEmpty(start).Max() - start, warnings);
        AddLaunchWaits(app, start, stages, stageTasks, stageObserved.Select(o => o.Submit).ToList(), executors, headHolds);
        // The run's size is the most executors it held at once: replacements of lost executors do not add to it.
        var heldAtOnce = ExecutorConcurrency.FirstHeld(executorsForShape.Select(e => (e.OffsetMs, e.RemovedOffsetMs))).Count;
        var coresPerExecutor = executorsForShape.Count == 0 ? 1 : (int)Math.Round(executorsForShape.Average(e => e.Cores));
        var totalCores = heldAtOnce * coresPerExecutor;
        var defaultParallelism = IntProperty(app, "spark.default.parallelism");
        var shufflePartitions = IntProperty(app, "spark.sql.shuffle.partitions") ?? 200;
        var observedDefault = defaultParallelism ?? Math.Max(2, totalCores);
        foreach (var s in stages.Where(s => s.Dependencies.Any(d => stages[d].StageId != s.StageId) && s.AttemptId == 0))
        {
            var count = s.TaskDurationsMs.Length;
            stageInfo.TryGetValue((s.StageId, s.AttemptId), out var info);
            var declared = info?.TaskCount > 0 ? info.TaskCount : count;
            if (declared == shufflePartitions)
            {
                (s.PartitionedBy, s.TasksPerPartitionUnit) = (PartitionSetting.SqlShufflePartitions, 1.0);
            }
            else if (declared == observedDefault || 2 * declared == observedDefault)
            {
                (s.PartitionedBy, s.TasksPerPartitionUnit) = (PartitionSetting.DefaultParallelism, declared / (double)observedDefault);
            }
        }

        var end = AnchorBefore(app.EndTimeMs, start, order.Count > 0 ? order[^1] : -1, jobObserved, completions, _ => true);
        return new ApplicationPlan
        {
            Jobs = jobs,
            Stages = stages,
            JobsAnchoredToStart = anchoredToStart,
            End = end,
            ObservedExecutors = executors,
            TaskCpus = app.TaskCpus,
            DefaultParallelismSet = defaultParallelism is not null,
            ObservedDefaultParallelism = observedDefault,
            ObservedShufflePartitions = shufflePartitions,
            ObservedShape = new ClusterShape(
                heldAtOnce, coresPerExecutor, app.TaskCpus,
                defaultParallelism, IntProperty(app, "spark.sql.shuffle.partitions")),
            ObservedWallTimeMs = app.WallTimeMs,
            StorageBytesPerExecutor = StorageBytesPerExecutor(app),
            CacheMissPenaltyMs = CacheRescaling.MissPenaltyMs(stages),
            SlotWarmUpMs = slotWarmUp,
            SecondWarmUpMs = secondWarmUp,
            PeakCachedBytes = Math.Max(stages.Count == 0 ? 0 : stages.Max(s => s.CachedBytes), footprints.Count == 0 ? 0 : (long)footprints.Values.Max(f => f.ResidentBytes)),
            ReadsCachedData = stages.Any(s => s.CacheHits is not null),
            WaitsOnShuffleFetch = stages.Any(s => s.TaskFetchWaitMs is not null),
            DynamicAllocationMaxExecutors = DynamicAllocationMax(app, warnings),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Adds to each stage's submit delay what held its first launch with slots free: a locality wait at its head
    /// (<paramref name="headHolds"/>, <see cref="LocalityWait.Head"/>) or an unexplained launch latency
    /// (<see cref="LaunchLatency"/>), the larger.
    /// </summary>
    private static void AddLaunchWaits(
        SparkApplication app, long start, List<PlanStage> stages, List<List<ObservedTask>> stageTasks, List<long> submits,
        List<(long OffsetMs, int Cores, long? RemovedOffsetMs)> executors, List<int> headHolds)
    {
        var latency = new LaunchLatency(
            stageTasks.SelectMany((list, s) => list.Select(t => (t.Launch, t.Finish, s))).ToList(),
            executors.Select(e => (start + e.OffsetMs, e.RemovedOffsetMs is { } r ? start + r : long.MaxValue, Math.Max(1, e.Cores / Math.Max(1, app.TaskCpus)))).ToList());
        for (var s = 0; s < stages.Count; s++)
        {
            stages[s].SubmitDelayMs += Math.Max(headHolds[s], latency.Of(s, submits[s], stageTasks[s][0].Launch));
        }
    }

    /// <summary>Finds each slot's first task and the cold-start excess (<see cref="ColdStarts"/>), and gives the stages their warm durations.</summary>
    private static (int SlotWarmUpMs, int SecondWarmUpMs) MarkColdStarts(
        SparkApplication app, List<PlanStage> stages, List<List<ObservedTask>> stageTasks)
    {
        var coresById = app.Executors.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(e => e.Cores), StringComparer.Ordinal);
        var slots = app.Tasks.ExecutorIds
            .Select(id => Math.Max(1, coresById.GetValueOrDefault(id) / Math.Max(1, app.TaskCpus)))
            .ToArray();
        var launches = stageTasks.SelectMany((list, s) => list.Select((t, i) => (t.Launch, s, i, t.Executor))).ToList();
        var starts = ColdStarts.Mark(launches, stages.Select(s => s.TaskDurationsMs.Length).ToArray(), e => e < slots.Length ? slots[e] : 1);
        var deserializeExcess = ColdStarts.DeserializeExcesses(stageTasks.Select(l => l.Select(t => t.Deserialize).ToArray()).ToList(), starts);
        var slotExcess = ColdStarts.MedianExcessMs(deserializeExcess, starts, TaskStart.FirstOnSlot);
        var durationExcess = ColdStarts.DurationExcesses(stages.Select(s => s.TaskDurationsMs).ToList(), stageTasks.Select(l => l.Select(t => t.BytesRead).ToArray()).ToList(), starts);
        var showSecondExcess = new List<int>();
        for (var s = 0; s < stages.Count; s++)
        {
            var hasWarm = starts[s].Contains(TaskStart.Warm);
            var hasSecond = starts[s].Contains(TaskStart.SecondOnSlot);
            if (hasWarm || hasSecond)
            {
                for (var i = 0; i < deserializeExcess[s].Length; i++)
                {
                    deserializeExcess[s][i] = Math.Max(deserializeExcess[s][i], durationExcess[s][i]);
                }

                if (starts[s].Contains(TaskStart.FirstOnSlot))
                {
                    stages[s].SlotWarmUpMs = ColdStarts.MedianExcessMs(deserializeExcess[s], starts[s], TaskStart.FirstOnSlot);
                }
            }

            if (hasSecond && hasWarm)
            {
                stages[s].SecondWarmUpMs = ColdStarts.MedianExcessMs(deserializeExcess[s], starts[s], TaskStart.SecondOnSlot);
                showSecondExcess.Add(s);
            }
            else if (hasSecond)
            {
                // Without warm tasks to compare with, the second tasks' excess stays in their durations: charge none.
                stages[s].SecondWarmUpMs = 0;
            }

            stages[s].StageWarmUpMs = ColdStarts.MedianExcessMs(deserializeExcess[s], starts[s], TaskStart.FirstOfStageOnSlot);
            if (ColdStarts.Warm(stages[s].TaskDurationsMs, stages[s].TaskFixedMs, deserializeExcess[s]) is var (durations, fixedParts))
            {
                (stages[s].WarmDurationsMs, stages[s].WarmFixedMs) = (durations, fixedParts);
            }
        }

        var secondExcess = ColdStarts.MedianExcessMs(
            showSecondExcess.Select(s => deserializeExcess[s]).ToList(), showSecondExcess.Select(s => starts[s]).ToList(), TaskStart.SecondOnSlot);
        return (slotExcess, secondExcess);
    }

    /// <summary>
    /// Whether a task read a cached block from its executor's memory. Reads from another executor or from disk are
    /// not counted as hits: on the ground-truth runs they take as long as recomputing.
    /// </summary>
    private static bool IsCacheRead(TaskInputSource source) => source == TaskInputSource.Memory;

    /// <summary>The median storage memory of the executors' block managers, when the log has it.</summary>
    private static long? StorageBytesPerExecutor(SparkApplication app)
    {
        var sizes = app.Executors.Where(e => !e.IsDriver && e.MaxMemoryBytes > 0).Select(e => e.MaxMemoryBytes!.Value).Order().ToArray();
        if (sizes.Length == 0)
        {
            sizes = app.Executors.Where(e => e.MaxMemoryBytes > 0).Select(e => e.MaxMemoryBytes!.Value).Order().ToArray();
        }

        return sizes.Length == 0 ? null : sizes[sizes.Length / 2];
    }

    /// <summary>
    /// With dynamic allocation on, Spark never runs more than <c>spark.dynamicAllocation.maxExecutors</c> executors,
    /// whatever the cluster could hold; the prediction caps executors there and says what it assumes of the rest.
    /// </summary>
    private static int? DynamicAllocationMax(SparkApplication app, List<string> warnings)
    {
        if (!app.SparkProperties.TryGetValue("spark.dynamicAllocation.enabled", out var enabled) || !bool.TryParse(enabled, out var on) || !on)
        {
            return null;
        }

        var max = IntProperty(app, "spark.dynamicAllocation.maxExecutors");
        warnings.Add("The run used dynamic allocation: a prediction's executors join as the observed run's did (the k-th when it first held k, " +
                     "any beyond the most it held with the last of them)" +
                     (max is { } m ? $", at most spark.dynamicAllocation.maxExecutors = {m}" : "") +
                     "; how Spark would ramp up requests on a larger cluster, and release idle executors, is not modelled.");
        return max;
    }

    private static int? IntProperty(SparkApplication app, string key) =>
        app.SparkProperties.TryGetValue(key, out var value) && int.TryParse(value, out var n) && n > 0 ? n : null;

    /// <summary>The latest of: the application start, the previous job's submission, any job completion — at or before <paramref name="time"/>.</summary>
    private static Anchor AnchorBefore(
        long time, long start, int previousJob, List<(long Submit, long Complete)> jobs, List<(long Time, int Job)> completions, Func<int, bool> allowed)
    {
        var best = new Anchor(AnchorKind.ApplicationStart, -1, Math.Max(0, time - start));
        var bestTime = start;
        if (previousJob >= 0 && jobs[previousJob].Submit <= time && jobs[previousJob].Submit >= bestTime)
        {
            bestTime = jobs[previousJob].Submit;
            best = new Anchor(AnchorKind.JobSubmitted, previousJob, time - bestTime);
        }

        // Binary search for the last completion at or before time.
        int lo = 0, hi = completions.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (completions[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Only jobs submitted earlier may anchor (a cycle would never fire).
        while (found >= 0 && !allowed(completions[found].Job))
        {
            found--;
        }

        if (found >= 0 && completions[found].Time >= bestTime)
        {
            best = new Anchor(AnchorKind.JobCompleted, completions[found].Job, time - completions[found].Time);
        }

        return best;
    }

    /// <summary>Says how many executors left while tasks were still to run (<paramref name="lastTaskFinish"/>, an offset): predictions do not lose them.</summary>
    private static void WarnOfLostExecutors(List<(long OffsetMs, int Cores, long? RemovedOffsetMs)> executors, long lastTaskFinish, List<string> warnings)
    {
        var lost = executors.Count(e => e.RemovedOffsetMs < lastTaskFinish);
        if (lost > 0)
        {
            warnings.Add($"{lost} executor(s) were lost while the run still had tasks to do: predictions assume executors stay, so they leave out the time the run lost to failed attempts and replacements.");
        }
    }

    /// <summary>
    /// Marks the tasks a reconstruction keeps on the executor they ran on (<see cref="PlanStage.PinnedExecutors"/>):
    /// those that went to their data, and those of executors lost during the run.
    /// </summary>
    private static void PinTasks(
        SparkApplication app, List<PlanStage> stages, List<List<ObservedTask>> stageTasks,
        List<(long OffsetMs, int Cores, long? RemovedOffsetMs, string? Id)> executors)
    {
        var arrivalById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < executors.Count; i++)
        {
            if (executors[i].Id is { } id)
            {
                arrivalById.TryAdd(id, i);
            }
        }

        var arrivalOf = app.Tasks.ExecutorIds.Select(id => arrivalById.GetValueOrDefault(id, -1)).ToArray();
        for (var s = 0; s < stages.Count; s++)
        {
            var list = stageTasks[s];
            int[]? pins = null;
            for (var i = 0; i < list.Count; i++)
            {
                var arrival = list[i].Executor < arrivalOf.Length ? arrivalOf[list[i].Executor] : -1;
                if (arrival < 0 || !(executors[arrival].RemovedOffsetMs is not null || (stages[s].RanLocal && list[i].Locality == TaskLocality.ProcessLocal)))
                {
                    continue;
                }

                pins ??= Enumerable.Repeat(-1, list.Count).ToArray();
                pins[i] = arrival;
            }

            stages[s].PinnedExecutors = pins;
        }
    }

    /// <summary>Executor arrivals (offset from start, cores, removal, id) of the executors that ran tasks; the driver only in local mode.</summary>
    private static List<(long OffsetMs, int Cores, long? RemovedOffsetMs, string? Id)> ObservedExecutors(
        SparkApplication app, long start, Dictionary<(int, int), List<ObservedTask>> tasks,
        Dictionary<string, (long FirstLaunch, long LastFinish)> spans, bool onlyThoseThatRanTasks)
    {
        var withCores = app.Executors.Where(e => e.Cores > 0).ToList();
        List<ExecutorInfo> workers;
        if (onlyThoseThatRanTasks)
        {
            // Executors that never ran a task took no part in the schedule (delay scheduling kept tasks off them, or
            // they came too late). In local mode the driver runs the tasks.
            workers = withCores.Where(e => !e.IsDriver && spans.ContainsKey(e.Id)).ToList();
            if (workers.Count == 0)
            {
                workers = withCores.Where(e => e.IsDriver && spans.ContainsKey(e.Id)).ToList();
            }

            // Tasks ran only where the log gives no cores (a local-mode driver beside executors of another run
            // spliced in): read the slots from how many tasks ran at once, below.
            if (workers.Count == 0 && spans.Count > 0)
            {
                return ConcurrencyOnly(app, tasks);
            }
        }
        else
        {
            workers = [];
        }

        if (workers.Count == 0)
        {
            workers = withCores.Where(e => !e.IsDriver).ToList();
            if (workers.Count == 0)
            {
                workers = withCores.Where(e => e.IsDriver).ToList();
            }
        }

        if (workers.Count > 0)
        {
            // An executor was there by its first task at the latest (some logs carry edited or skewed add times),
            // and stayed until its last task finished.
            return workers
                .Select(e =>
                {
                    var (first, last) = spans.GetValueOrDefault(e.Id, (long.MaxValue, long.MinValue));
                    var added = Math.Clamp(Math.Min(e.AddedTimeMs, first) - start, 0, app.WallTimeMs);
                    long? removed = e.RemovedTimeMs is { } r ? Math.Max(r, last) - start : null;
                    return (added, e.Cores, removed, (string?)e.Id);
                })
                .OrderBy(e => e.Item1)
                .ToList();
        }

        return ConcurrencyOnly(app, tasks);
    }

    /// <summary>No executor events for the executors that ran tasks (Spark 1.x local mode): one executor with as many slots as tasks ever ran at once.</summary>
    private static List<(long OffsetMs, int Cores, long? RemovedOffsetMs, string? Id)> ConcurrencyOnly(SparkApplication app, Dictionary<(int, int), List<ObservedTask>> tasks)
    {
        var events = tasks.Values.SelectMany(l => l.SelectMany(t => new[] { (t.Launch, 1), (t.Finish, -1) })).OrderBy(e => e.Item1).ThenBy(e => e.Item2);
        int running = 0, max = 0;
        foreach (var (_, delta) in events)
        {
            running += delta;
            max = Math.Max(max, running);
        }

        return [(0, Math.Max(1, max) * app.TaskCpus, null, null)];
    }
}
