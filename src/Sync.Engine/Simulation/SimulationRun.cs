namespace Sync.Engine.Simulation;

/// <summary>
/// One discrete-event simulation of an <see cref="ApplicationPlan"/> on a list of executor arrivals. Slots are counted
/// for the cluster as a whole, or per executor when tasks are pinned to the executors holding their data
/// (<see cref="PlanStage.PinnedExecutors"/>, <see cref="ExecutorSlots"/>).
/// </summary>
internal sealed class SimulationRun
{
    private enum EventKind
    {
        ExecutorArrived,
        ExecutorRemoved,
        JobSubmitted,
        StageSubmitted,
        StageRelaxed,
        TaskFinished,
        StageCompleted,
        JobCompleted,
        ApplicationEnded,
    }

    private readonly ApplicationPlan _plan;
    private readonly List<ExecutorArrival> _arrivals;
    private readonly int[][] _durations;
    // Events ordered by time, then by when they were scheduled: one long per priority, the time in the high 40 bits
    // (35 years of milliseconds) and a 24-bit sequence number below it, so that the heap compares plain integers.
    private const int SequenceBits = 24;
    // An event is two ints: its subject (a job, stage or executor) and its kind with, for a finished task, the executor
    // it ran on above the low 4 bits (+1, 0 for none), so that the heap moves 8-byte elements.
    private const int KindBits = 4;
    private readonly PriorityQueue<(int Id, int KindAndExecutor), long> _events = new();
    private readonly PriorityQueue<int, (int Job, int Stage, int Attempt)> _runnable = new();
    private readonly int[] _pendingDependencies;
    private readonly int[] _nextTask;
    private readonly int[] _finishedTasks;
    private readonly int[] _pendingStages;
    private readonly bool[] _jobSubmitted;
    private readonly int[] _localityTailStart;
    private readonly long[] _lastLaunch;
    private readonly WarmUpCharge[]? _warmUp;
    private readonly ExecutorSlots? _slots;
    private readonly StageLaunchQueue[]? _queues;
    private readonly long[]? _heldUntil;
    private readonly List<((int Job, int Stage, int Attempt) Key, int Stage)> _order = [];
    // When each stage was submitted and completed, when asked for (StageTimings).
    private readonly (long Submitted, long Completed)[]? _stageTimes;
    private long _sequence;
    private long _now;
    private int _freeSlots;
    private int _running;
    private long _activeSince;
    private long _activeTime;
    private long _end = -1;

    /// <param name="plan">The plan.</param>
    /// <param name="arrivals">The executors.</param>
    /// <param name="durations">Task durations per plan stage (the measured ones, or rescaled to other partition counts).</param>
    /// <param name="capacityRatio">The target's memory for cached data over the observed run's (<see cref="TaskRescaling.CapacityRatio"/>).</param>
    /// <param name="warmUp">What each stage's first tasks pay for starting cold (<see cref="TaskRescaling.Rescale"/>); none when replaying measured durations.</param>
    /// <param name="pinned">
    /// Whether tasks pinned to an executor (<see cref="PlanStage.PinnedExecutors"/>, indices into <paramref name="arrivals"/>)
    /// run only there: the observed executors are simulated, when reconstructing.
    /// </param>
    /// <param name="recordStages">Whether to record when each stage ran (<see cref="StageTimings"/>).</param>
    public SimulationRun(
        ApplicationPlan plan, List<ExecutorArrival> arrivals, int[][] durations, double capacityRatio = 1, WarmUpCharge[]? warmUp = null, bool pinned = false,
        bool recordStages = false)
    {
        _stageTimes = recordStages ? new (long, long)[plan.Stages.Count] : null;
        if (pinned && plan.Stages.Any(s => s.PinnedExecutors is not null))
        {
            // One more executor than observed: the one the run carries on with when every observed executor is gone.
            _slots = new ExecutorSlots(arrivals.Count + 1);
            _queues = plan.Stages.Select((s, i) => new StageLaunchQueue(s.PinnedExecutors, durations[i].Length)).ToArray();
            _heldUntil = new long[plan.Stages.Count];
        }

        _warmUp = warmUp;
        _plan = plan;
        _arrivals = arrivals;
        _durations = durations;
        _pendingDependencies = plan.Stages.Select(s => s.Dependencies.Count).ToArray();
        _nextTask = new int[plan.Stages.Count];
        _finishedTasks = new int[plan.Stages.Count];
        _pendingStages = plan.Jobs.Select(j => j.Stages.Count).ToArray();
        _jobSubmitted = new bool[plan.Jobs.Count];
        _lastLaunch = new long[plan.Stages.Count];
        _localityTailStart = plan.Stages.Select((s, i) => LocalityTailStart(s, durations[i].Length, capacityRatio)).ToArray();
    }

    /// <summary>
    /// Where a stage's relaxed tasks start among <paramref name="count"/> tasks: at the same share of them as observed
    /// when the stage was re-partitioned; −1 when none wait. A stage reading cached data on a target with more memory
    /// for it does not wait: its less local tasks were the ones whose blocks the observed cache had lost.
    /// </summary>
    private static int LocalityTailStart(PlanStage stage, int count, double capacityRatio)
    {
        var observed = stage.TaskDurationsMs.Length;
        if (stage.LocalityTailStart < 0 || (stage.CacheHits is not null && capacityRatio > 1 + 1e-9))
        {
            return -1;
        }

        if (count == observed)
        {
            return stage.LocalityTailStart;
        }

        var start = (int)Math.Round((double)stage.LocalityTailStart * count / observed);
        return start >= count ? -1 : start;
    }

    /// <summary>Runs to the application's end; returns the wall time and the time with tasks running.</summary>
    public (long WallTimeMs, long TaskActiveTimeMs) Execute()
    {
        for (var i = 0; i < _arrivals.Count; i++)
        {
            Schedule(_arrivals[i].OffsetMs, EventKind.ExecutorArrived, i, i);
            if (_arrivals[i].RemovedOffsetMs is { } removed)
            {
                Schedule(removed, EventKind.ExecutorRemoved, i, i);
            }
        }

        foreach (var job in _plan.JobsAnchoredToStart)
        {
            Schedule(_plan.Jobs[job].Submit.GapMs, EventKind.JobSubmitted, job);
        }

        if (_plan.End.Kind == AnchorKind.ApplicationStart)
        {
            Schedule(_plan.End.GapMs, EventKind.ApplicationEnded, 0);
        }

        while (true)
        {
            while (_events.TryDequeue(out var e, out var at))
            {
                _now = at >> SequenceBits;
                Handle((EventKind)(e.KindAndExecutor & ((1 << KindBits) - 1)), e.Id, (e.KindAndExecutor >> KindBits) - 1);
            }

            if (_runnable.Count == 0 || _running > 0)
            {
                break;
            }

            // Tasks wait but every executor is gone (the log removed executors that still ran tasks): carry on with
            // the largest executor seen rather than stall.
            var largest = Math.Max(1, _arrivals.Select(a => a.Slots).DefaultIfEmpty(1).Max());
            if (_slots is null)
            {
                _freeSlots = largest;
            }
            else
            {
                foreach (var queue in _queues!)
                {
                    queue.ReleaseAll();
                }

                if (_slots.WithFreeSlots == 0)
                {
                    _slots.Add(_arrivals.Count, largest);
                }
            }

            LaunchTasks();
            if (_running == 0 && _events.Count == 0)
            {
                break;
            }
        }

        if (_end < 0 || _runnable.Count > 0)
        {
            throw new InvalidOperationException("The simulation ended with work left: the plan has a dependency that never completes.");
        }

        return (_end, _activeTime);
    }

    private void Handle(EventKind kind, int id, int executor)
    {
        switch (kind)
        {
            case EventKind.ExecutorArrived:
                _freeSlots += _arrivals[id].Slots;
                _slots?.Add(id, _arrivals[id].Slots);
                break;
            case EventKind.ExecutorRemoved:
                // Busy slots of a removed executor retire as their tasks finish (free slots may go negative).
                _freeSlots -= _arrivals[id].Slots;
                if (_slots is not null)
                {
                    _slots.Remove(id, _arrivals[id].Slots);
                    foreach (var queue in _queues!)
                    {
                        queue.Release(id);
                    }
                }

                break;
            case EventKind.JobSubmitted:
                SubmitJob(id);
                break;
            case EventKind.StageRelaxed when _slots is not null:
                // A stage placing tasks on executors stays runnable while its less local tasks wait.
                break;
            case EventKind.StageSubmitted:
            case EventKind.StageRelaxed:
                if (kind == EventKind.StageSubmitted && _stageTimes is not null)
                {
                    _stageTimes[id].Submitted = _now;
                }

                _runnable.Enqueue(id, Priority(id));
                break;
            case EventKind.TaskFinished:
                FinishTask(id, executor);
                break;
            case EventKind.StageCompleted:
                CompleteStage(id);
                break;
            case EventKind.JobCompleted:
                Trigger(_plan.Jobs[id], AnchorKind.JobCompleted, id);
                break;
            case EventKind.ApplicationEnded:
                _end = _now;
                break;
        }

        LaunchTasks();
    }

    private void SubmitJob(int job)
    {
        _jobSubmitted[job] = true;
        var plan = _plan.Jobs[job];
        Trigger(plan, AnchorKind.JobSubmitted, job);
        if (plan.Stages.Count == 0)
        {
            Schedule(_now + plan.CompletionTailMs, EventKind.JobCompleted, job);
            return;
        }

        foreach (var stage in plan.Stages)
        {
            if (_pendingDependencies[stage] == 0)
            {
                Schedule(_now + _plan.Stages[stage].SubmitDelayMs, EventKind.StageSubmitted, stage);
            }
        }
    }

    private void Trigger(PlanJob job, AnchorKind kind, int id)
    {
        foreach (var anchored in job.AnchoredJobs)
        {
            if (_plan.Jobs[anchored].Submit.Kind == kind)
            {
                Schedule(_now + _plan.Jobs[anchored].Submit.GapMs, EventKind.JobSubmitted, anchored);
            }
        }

        if (_plan.End.Kind == kind && _plan.End.Job == id)
        {
            Schedule(_now + _plan.End.GapMs, EventKind.ApplicationEnded, 0);
        }
    }

    private (int Job, int Stage, int Attempt) Priority(int stage)
    {
        var plan = _plan.Stages[stage];
        return (_plan.Jobs[plan.Job].Id, plan.StageId, plan.AttemptId);
    }

    private void FinishTask(int stage, int executor)
    {
        _freeSlots++;
        _slots?.Release(executor);
        if (--_running == 0)
        {
            _activeTime += _now - _activeSince;
        }

        if (++_finishedTasks[stage] == _durations[stage].Length)
        {
            Schedule(_now + _plan.Stages[stage].CompletionTailMs, EventKind.StageCompleted, stage);
        }
    }

    private void CompleteStage(int stage)
    {
        var plan = _plan.Stages[stage];
        if (_stageTimes is not null)
        {
            _stageTimes[stage].Completed = _now;
        }

        foreach (var dependent in plan.Dependents)
        {
            if (--_pendingDependencies[dependent] == 0 && _jobSubmitted[_plan.Stages[dependent].Job])
            {
                Schedule(_now + _plan.Stages[dependent].SubmitDelayMs, EventKind.StageSubmitted, dependent);
            }
        }

        if (--_pendingStages[plan.Job] == 0)
        {
            Schedule(_now + _plan.Jobs[plan.Job].CompletionTailMs, EventKind.JobCompleted, plan.Job);
        }
    }

    private void LaunchTasks()
    {
        if (_slots is not null)
        {
            LaunchOnExecutors();
            return;
        }

        while (_freeSlots > 0 && _runnable.TryPeek(out var stage, out _))
        {
            var durations = _durations[stage];
            if (_nextTask[stage] == _localityTailStart[stage] && HoldTail(stage))
            {
                // Other stages may use the free slots meanwhile.
                _runnable.Dequeue();
                continue;
            }

            var task = _nextTask[stage];
            if (_nextTask[stage] + 1 == durations.Length)
            {
                _runnable.Dequeue();
            }

            _freeSlots--;
            Launch(stage, task, -1);
        }
    }

    /// <summary>
    /// Launches on executors with free slots, stages in priority order: first the tasks pinned to each free executor,
    /// then the stage's other tasks on any free executor (its less local ones after its locality level relaxed).
    /// </summary>
    private void LaunchOnExecutors()
    {
        var slots = _slots!;
        if (slots.WithFreeSlots == 0 || _runnable.Count == 0)
        {
            return;
        }

        _order.Clear();
        foreach (var (stage, key) in _runnable.UnorderedItems)
        {
            _order.Add((key, stage));
        }

        _order.Sort((a, b) => a.Key.CompareTo(b.Key));
        foreach (var (_, stage) in _order)
        {
            var queue = _queues![stage];
            for (var i = 0; i < slots.WithFreeSlots && queue.HasPinned;)
            {
                var executor = slots.ExecutorWithFreeSlot(i);
                if (queue.TryTakePinned(executor, out var task))
                {
                    // The executor may have left the free set: index i now holds another one.
                    slots.Take(executor);
                    Launch(stage, task, executor);
                }
                else
                {
                    i++;
                }
            }

            while (slots.WithFreeSlots > 0 && _heldUntil![stage] <= _now && queue.TryPeekAnywhere(out var task))
            {
                if (_localityTailStart[stage] >= 0 && task >= _localityTailStart[stage])
                {
                    // The less local tasks go after the more local ones have launched (here some wait for their
                    // executor); the stage stays runnable for its pinned tasks while they are held.
                    if (_nextTask[stage] < _localityTailStart[stage] || HoldTail(stage))
                    {
                        break;
                    }
                }

                var executor = slots.ExecutorWithFreeSlot(0);
                queue.TakeAnywhere();
                slots.Take(executor);
                Launch(stage, task, executor);
            }

            if (queue.Remaining == 0)
            {
                _runnable.Remove(stage, out _, out _);
            }

            if (slots.WithFreeSlots == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Delay scheduling: when a stage reaches its less local tasks, they wait for its locality level to relax, a
    /// locality wait after its last launch. Returns whether they wait (the stage is relaxed by a scheduled event); once
    /// per stage.
    /// </summary>
    private bool HoldTail(int stage)
    {
        _localityTailStart[stage] = -1;
        var relaxedAt = _lastLaunch[stage] + _plan.Stages[stage].LocalityDelayMs;
        if (relaxedAt <= _now || _nextTask[stage] == 0)
        {
            return false;
        }

        if (_heldUntil is not null)
        {
            _heldUntil[stage] = relaxedAt;
        }

        Schedule(relaxedAt, EventKind.StageRelaxed, stage);
        return true;
    }

    /// <summary>Starts <paramref name="task"/> of <paramref name="stage"/> (on <paramref name="executor"/>, or −1 when slots are not tracked per executor).</summary>
    private void Launch(int stage, int task, int executor)
    {
        // The warm-up charge follows the launch order, which is the task order unless tasks are pinned.
        var position = _nextTask[stage]++;
        _lastLaunch[stage] = _now;
        if (_running++ == 0)
        {
            _activeSince = _now;
        }

        var duration = _durations[stage][task];
        if (_warmUp is { } warmUp)
        {
            duration += warmUp[stage].ExtraMs(position);
        }

        Schedule(_now + duration, EventKind.TaskFinished, stage, executor);
    }

    /// <summary>When each stage attempt of the plan ran, after <see cref="Execute"/>; empty unless asked for in the constructor.</summary>
    public IReadOnlyList<StageTiming> StageTimings() =>
        _stageTimes is null
            ? []
            : _plan.Stages.Select((s, i) => new StageTiming(s.StageId, s.AttemptId, _durations[i].Length, _stageTimes[i].Submitted, _stageTimes[i].Completed)).ToList();

    private void Schedule(long time, EventKind kind, int id, int executor = -1) =>
        _events.Enqueue((id, ((executor + 1) << KindBits) | (int)kind), (Math.Max(time, _now) << SequenceBits) | (_sequence++ & ((1L << SequenceBits) - 1)));
}
