using Sync.Engine.Applications;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// The mutable state the event parsers fill while a log is read; <see cref="Build"/> freezes it into a
/// <see cref="SparkApplication"/>. Later events refine earlier ones (a stage announced by a job, then submitted, then
/// completed), so entities are kept in dictionaries keyed by their Spark ids until the end.
/// </summary>
internal sealed class ApplicationModelBuilder
{
    internal sealed class ExecutorState
    {
        public required string Id;
        public string Host = "";
        public int Cores;
        public long AddedTimeMs;
        public long? RemovedTimeMs;
        public string? RemovedReason;
        public long? MaxMemoryBytes;
        public int ResourceProfileId;
    }

    internal sealed class JobState
    {
        public int Id;
        public long? SubmissionTimeMs;
        public long? CompletionTimeMs;
        public List<int> StageIds = [];
        public JobOutcome Outcome;
        public string? FailureReason;
        public long? SqlExecutionId;
        public string? JobGroup;
    }

    internal sealed class StageState
    {
        public int StageId;
        public int AttemptId;
        public string Name = "";
        public int TaskCount;
        public List<int> ParentIds = [];
        public int JobId = -1;
        public long? SubmissionTimeMs;
        public long? CompletionTimeMs;
        public bool Submitted;
        public bool Completed;
        public string? FailureReason;
        public int RddCount;
        public long CachedBytes;
        public Dictionary<int, PersistedRddInfo>? Persisted;
        public int ResourceProfileId;
    }

    internal sealed class SqlState
    {
        public long Id;
        public string Description = "";
        public long StartTimeMs;
        public long? EndTimeMs;
    }

    public string AppId = "";
    public string AppName = "";
    public string? AttemptId;
    public string User = "";
    public string SparkVersion = "";
    public long? StartTimeMs;
    public long? EndTimeMs;
    public long MinTimeMs = long.MaxValue;
    public long MaxTimeMs = long.MinValue;
    public bool SawApplicationStart;
    public long? DriverMaxMemoryBytes;
    public int StartedTasks;
    public int CompletedStageEvents;
    public readonly List<RddUnpersist> Unpersists = [];

    public readonly Dictionary<string, string> SparkProperties = new(StringComparer.Ordinal);
    public readonly Dictionary<string, Dictionary<string, string>> Environment = new(StringComparer.Ordinal);
    public readonly Dictionary<string, ExecutorState> Executors = new(StringComparer.Ordinal);
    public readonly List<ExecutorState> ExecutorOrder = [];
    public readonly Dictionary<int, JobState> Jobs = [];
    public readonly Dictionary<(int Stage, int Attempt), StageState> Stages = [];
    public readonly Dictionary<long, SqlState> SqlExecutions = [];
    public readonly StringTable ExecutorIds = new();
    public readonly StringTable Hosts = new();
    public readonly StringTable FailureReasons = new();
    public readonly TaskTable Tasks;

    public ApplicationModelBuilder() => Tasks = new TaskTable(ExecutorIds, Hosts, FailureReasons);

    /// <summary>Widens the observed time range; every timestamped event calls it.</summary>
    public void SeeTime(long timeMs)
    {
        if (timeMs <= 0)
        {
            return;
        }

        if (timeMs < MinTimeMs)
        {
            MinTimeMs = timeMs;
        }

        if (timeMs > MaxTimeMs)
        {
            MaxTimeMs = timeMs;
        }
    }

    /// <summary>The executor with this id, or a new entry when there is none or the existing one was already added (a re-used id).</summary>
    public ExecutorState AddedExecutor(string id)
    {
        if (!Executors.TryGetValue(id, out var state) || state.AddedTimeMs > 0 || state.Cores > 0)
        {
            state = new ExecutorState { Id = id };
            Executors[id] = state;
            ExecutorOrder.Add(state);
        }

        return state;
    }

    public StageState Stage(int stageId, int attemptId)
    {
        if (!Stages.TryGetValue((stageId, attemptId), out var state))
        {
            state = new StageState { StageId = stageId, AttemptId = attemptId };
            Stages.Add((stageId, attemptId), state);
        }

        return state;
    }

    public SqlState Sql(long id)
    {
        if (!SqlExecutions.TryGetValue(id, out var state))
        {
            state = new SqlState { Id = id };
            SqlExecutions.Add(id, state);
        }

        return state;
    }

    public SparkApplication Build(EventLogReadReport report)
    {
        var start = StartTimeMs ?? (MinTimeMs == long.MaxValue ? 0 : MinTimeMs);
        var end = EndTimeMs ?? (MaxTimeMs == long.MinValue ? start : Math.Max(start, MaxTimeMs));
        var jobsBySql = Jobs.Values
            .Where(j => j.SqlExecutionId is not null)
            .GroupBy(j => j.SqlExecutionId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(j => j.Id).Order().ToArray());

        return new SparkApplication
        {
            Info = new ApplicationInfo(AppId, AppName, AttemptId, User, SparkVersion, start, EndTimeMs),
            SparkProperties = SparkProperties,
            Environment = Environment.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value, StringComparer.Ordinal),
            Executors = ExecutorOrder
                .Where(e => e.AddedTimeMs > 0 || e.Cores > 0)
                .Select(e => new ExecutorInfo(e.Id, e.Host, e.Cores, e.AddedTimeMs, e.RemovedTimeMs, e.RemovedReason, e.MaxMemoryBytes, e.ResourceProfileId))
                .ToArray(),
            Jobs = Jobs.Values
                .OrderBy(j => j.SubmissionTimeMs ?? j.CompletionTimeMs ?? 0).ThenBy(j => j.Id)
                .Select(j => new JobInfo(j.Id, j.SubmissionTimeMs, j.CompletionTimeMs, j.StageIds, j.Outcome, j.FailureReason, j.SqlExecutionId, j.JobGroup))
                .ToArray(),
            Stages = Stages.Values
                .OrderBy(s => s.StageId).ThenBy(s => s.AttemptId)
                .Select(s => new StageAttemptInfo(
                    s.StageId, s.AttemptId, s.Name, s.TaskCount, s.ParentIds, s.JobId, s.SubmissionTimeMs, s.CompletionTimeMs,
                    Outcome(s), s.FailureReason, s.RddCount, s.ResourceProfileId)
                {
                    CachedBytes = s.CachedBytes,
                    PersistedRdds = s.Persisted is null ? [] : s.Persisted.Values.OrderBy(r => r.RddId).ToArray(),
                })
                .ToArray(),
            Tasks = Tasks,
            UnfinishedTaskCount = Math.Max(0, StartedTasks - Tasks.Count),
            SqlExecutions = SqlExecutions.Values
                .OrderBy(s => s.StartTimeMs).ThenBy(s => s.Id)
                .Select(s => new SqlExecutionInfo(s.Id, s.Description, s.StartTimeMs, s.EndTimeMs, jobsBySql.GetValueOrDefault(s.Id, [])))
                .ToArray(),
            DriverMaxMemoryBytes = DriverMaxMemoryBytes,
            Unpersists = Unpersists.ToArray(),
            ReadReport = report,
            EndTimeMs = end,
        };
    }

    private static StageOutcome Outcome(StageState s) => s switch
    {
        { Completed: true, FailureReason: not null } => StageOutcome.Failed,
        { Completed: true } => StageOutcome.Succeeded,
        { Submitted: true } => StageOutcome.Running,
        _ => StageOutcome.Skipped,
    };
}
