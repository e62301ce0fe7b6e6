using System.Text.Json;
using Sync.Engine.Applications;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>Parses job and stage events: <c>SparkListenerJobStart</c>, <c>SparkListenerJobEnd</c>, <c>SparkListenerStageSubmitted</c>, <c>SparkListenerStageCompleted</c>.</summary>
internal static class JobStageEventParser
{
    private enum StageEvent
    {
        Announced,
        Submitted,
        Completed,
    }

    public static void ParseJobStart(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        var job = new ApplicationModelBuilder.JobState();
        var announced = new List<ApplicationModelBuilder.StageState>();
        List<int>? stageIds = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Job ID"u8))
            {
                job.Id = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Submission Time"u8))
            {
                job.SubmissionTimeMs = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Stage IDs"u8))
            {
                stageIds = JsonRead.Int32Array(ref reader);
            }
            else if (reader.ValueTextEquals("Stage Infos"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    announced.Add(ReadStageInfo(ref reader, model, StageEvent.Announced));
                }
            }
            else if (reader.ValueTextEquals("Properties"u8))
            {
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                JsonRead.StringMap(ref reader, properties);
                if (properties.TryGetValue("spark.sql.execution.id", out var sqlId) && long.TryParse(sqlId, out var id))
                {
                    job.SqlExecutionId = id;
                }

                job.JobGroup = properties.GetValueOrDefault("spark.jobGroup.id");
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        job.StageIds = stageIds ?? announced.Select(s => s.StageId).ToList();
        foreach (var stage in announced.Where(s => s.JobId < 0))
        {
            stage.JobId = job.Id;
        }

        model.Jobs[job.Id] = job;
        model.SeeTime(job.SubmissionTimeMs ?? 0);
    }

    public static void ParseJobEnd(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        var id = -1;
        long? completion = null;
        var outcome = JobOutcome.Unknown;
        string? failure = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Job ID"u8))
            {
                id = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Completion Time"u8))
            {
                completion = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Job Result"u8) && JsonRead.EnterObject(ref reader))
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Result"u8))
                    {
                        outcome = JsonRead.String(ref reader) == "JobSucceeded" ? JobOutcome.Succeeded : JobOutcome.Failed;
                    }
                    else if (reader.ValueTextEquals("Exception"u8) && JsonRead.EnterObject(ref reader))
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            if (reader.ValueTextEquals("Message"u8))
                            {
                                failure = JsonRead.String(ref reader);
                            }
                            else
                            {
                                JsonRead.SkipValue(ref reader);
                            }
                        }
                    }
                    else
                    {
                        JsonRead.SkipValue(ref reader);
                    }
                }
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (!model.Jobs.TryGetValue(id, out var job))
        {
            // The start event is in a part of the log we did not get; keep what the end says.
            job = new ApplicationModelBuilder.JobState { Id = id };
            model.Jobs[id] = job;
        }

        job.CompletionTimeMs = completion;
        job.Outcome = outcome;
        job.FailureReason = failure;
        if (completion is { } time)
        {
            model.SeeTime(time);
        }
    }

    public static void ParseStageSubmitted(ref Utf8JsonReader reader, ApplicationModelBuilder model) => ParseStageEvent(ref reader, model, StageEvent.Submitted);

    public static void ParseStageCompleted(ref Utf8JsonReader reader, ApplicationModelBuilder model) => ParseStageEvent(ref reader, model, StageEvent.Completed);

    private static void ParseStageEvent(ref Utf8JsonReader reader, ApplicationModelBuilder model, StageEvent kind)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Stage Info"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadStageInfo(ref reader, model, kind);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    /// <summary>Reads a <c>Stage Info</c> object (the reader stands on its start) into the stage attempt it names.</summary>
    private static ApplicationModelBuilder.StageState ReadStageInfo(ref Utf8JsonReader reader, ApplicationModelBuilder model, StageEvent kind)
    {
        int stageId = 0, attemptId = 0, taskCount = 0, rddCount = 0, profile = 0;
        long cachedBytes = 0;
        List<PersistedRddInfo>? persisted = null;
        string? name = null, failure = null;
        long? submitted = null, completed = null;
        List<int>? parents = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Stage ID"u8))
            {
                stageId = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Stage Attempt ID"u8))
            {
                attemptId = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Stage Name"u8))
            {
                name = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("Number of Tasks"u8))
            {
                taskCount = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Parent IDs"u8))
            {
                parents = JsonRead.Int32Array(ref reader);
            }
            else if (reader.ValueTextEquals("Submission Time"u8))
            {
                submitted = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Completion Time"u8))
            {
                completed = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Failure Reason"u8))
            {
                failure = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("Resource Profile Id"u8))
            {
                profile = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("RDD Info"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        rddCount++;
                        cachedBytes += ReadRddInfo(ref reader, out var rdd);
                        if (rdd is not null)
                        {
                            (persisted ??= []).Add(rdd);
                        }
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        var stage = model.Stage(stageId, attemptId);
        stage.Name = name ?? stage.Name;
        stage.TaskCount = taskCount > 0 ? taskCount : stage.TaskCount;
        stage.ParentIds = parents ?? stage.ParentIds;
        stage.RddCount = Math.Max(stage.RddCount, rddCount);
        stage.CachedBytes = Math.Max(stage.CachedBytes, cachedBytes);
        foreach (var rdd in persisted ?? [])
        {
            stage.Persisted ??= [];
            if (!stage.Persisted.TryGetValue(rdd.RddId, out var seen) || rdd.MemoryBytes + rdd.DiskBytes > seen.MemoryBytes + seen.DiskBytes)
            {
                stage.Persisted[rdd.RddId] = rdd;
            }
        }

        stage.ResourceProfileId = profile;
        stage.SubmissionTimeMs = submitted ?? stage.SubmissionTimeMs;
        if (kind == StageEvent.Completed)
        {
            model.CompletedStageEvents++;
            stage.CompletionTimeMs = completed;
            stage.FailureReason = failure;
            stage.Completed = true;
            stage.Submitted = true;
        }
        else if (kind == StageEvent.Submitted)
        {
            stage.Submitted = true;
        }

        if (kind != StageEvent.Announced || stage.Submitted)
        {
            model.SeeTime(stage.SubmissionTimeMs ?? 0);
            model.SeeTime(stage.CompletionTimeMs ?? 0);
        }

        return stage;
    }

    /// <summary>Records a <c>SparkListenerUnpersistRDD</c> at its place among the stage completions.</summary>
    public static void ParseUnpersistRdd(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        int? rddId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("RDD ID"u8))
            {
                rddId = JsonRead.Int32(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (rddId is { } id)
        {
            model.Unpersists.Add(new RddUnpersist(id, model.CompletedStageEvents));
        }
    }

    /// <summary>
    /// Reads one <c>RDD Info</c> object and returns its <c>Memory Size</c> (bytes of it cached in memory), with the RDD
    /// in <paramref name="persisted"/> when its storage level keeps it in memory or on disk (null otherwise, or when it
    /// is not an object).
    /// </summary>
    private static long ReadRddInfo(ref Utf8JsonReader reader, out PersistedRddInfo? persisted)
    {
        persisted = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return 0;
        }

        int id = -1, partitions = 0, cachedPartitions = 0;
        long memory = 0, disk = 0;
        bool useMemory = false, useDisk = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("RDD ID"u8))
            {
                id = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Memory Size"u8))
            {
                memory = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Disk Size"u8))
            {
                disk = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Number of Partitions"u8))
            {
                partitions = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Number of Cached Partitions"u8))
            {
                cachedPartitions = JsonRead.Int32(ref reader);
            }
            else if (reader.ValueTextEquals("Storage Level"u8) && JsonRead.EnterObject(ref reader))
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Use Memory"u8))
                    {
                        useMemory = JsonRead.Boolean(ref reader);
                    }
                    else if (reader.ValueTextEquals("Use Disk"u8))
                    {
                        useDisk = JsonRead.Boolean(ref reader);
                    }
                    else
                    {
                        JsonRead.SkipValue(ref reader);
                    }
                }
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (useMemory || useDisk)
        {
            persisted = new PersistedRddInfo(id, partitions, cachedPartitions, memory, disk, useMemory, useDisk);
        }

        return memory;
    }
}
