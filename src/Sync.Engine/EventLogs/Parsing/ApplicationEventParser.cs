using System.Text.Json;

namespace Sync.Engine.EventLogs.Parsing;

/// <summary>
/// Parses application-level events: log start, application start and end, environment update, Databricks' log
/// metadata, executors and block managers, and SQL executions.
/// </summary>
internal static class ApplicationEventParser
{
    public static void ParseLogStart(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Spark Version"u8))
            {
                model.SparkVersion = JsonRead.String(ref reader) ?? model.SparkVersion;
            }
            else if (reader.ValueTextEquals("Timestamp"u8))
            {
                model.SeeTime(JsonRead.Int64(ref reader));
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    public static void ParseApplicationStart(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        model.SawApplicationStart = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("App Name"u8))
            {
                model.AppName = JsonRead.String(ref reader) ?? "";
            }
            else if (reader.ValueTextEquals("App ID"u8))
            {
                model.AppId = JsonRead.String(ref reader) ?? "";
            }
            else if (reader.ValueTextEquals("App Attempt ID"u8))
            {
                model.AttemptId = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("User"u8))
            {
                model.User = JsonRead.String(ref reader) ?? "";
            }
            else if (reader.ValueTextEquals("Timestamp"u8))
            {
                var time = JsonRead.Int64(ref reader);
                model.StartTimeMs = time;
                model.SeeTime(time);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    public static void ParseApplicationEnd(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Timestamp"u8))
            {
                var time = JsonRead.Int64(ref reader);
                model.EndTimeMs = time;
                model.SeeTime(time);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    public static void ParseEnvironmentUpdate(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Spark Properties"u8))
            {
                JsonRead.StringMap(ref reader, model.SparkProperties);
            }
            else if (reader.ValueTextEquals("Classpath Entries"u8))
            {
                JsonRead.SkipValue(ref reader);
            }
            else
            {
                var section = reader.GetString()!;
                if (!model.Environment.TryGetValue(section, out var values))
                {
                    values = new Dictionary<string, string>(StringComparer.Ordinal);
                    model.Environment[section] = values;
                }

                JsonRead.StringMap(ref reader, values);
            }
        }
    }

    /// <summary>Databricks' <c>DBCEventLoggingListenerMetadata</c>, first event of each log part: the Spark version.</summary>
    public static void ParseDatabricksMetadata(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Spark Version"u8))
            {
                var version = JsonRead.String(ref reader);
                if (model.SparkVersion.Length == 0 && version is not null)
                {
                    model.SparkVersion = version;
                }
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }
    }

    public static void ParseExecutorAdded(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        string? id = null;
        long time = 0;
        string host = "";
        int cores = 0, profile = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Executor ID"u8))
            {
                id = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("Timestamp"u8))
            {
                time = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Executor Info"u8) && JsonRead.EnterObject(ref reader))
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Host"u8))
                    {
                        host = JsonRead.String(ref reader) ?? "";
                    }
                    else if (reader.ValueTextEquals("Total Cores"u8))
                    {
                        cores = JsonRead.Int32(ref reader);
                    }
                    else if (reader.ValueTextEquals("Resource Profile Id"u8))
                    {
                        profile = JsonRead.Int32(ref reader);
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

        if (id is null)
        {
            return;
        }

        var executor = model.AddedExecutor(id);
        executor.Host = host;
        executor.Cores = cores;
        executor.AddedTimeMs = time;
        executor.ResourceProfileId = profile;
        model.SeeTime(time);
    }

    public static void ParseExecutorRemoved(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        string? id = null, reason = null;
        long time = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Executor ID"u8))
            {
                id = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("Timestamp"u8))
            {
                time = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("Removed Reason"u8))
            {
                reason = JsonRead.String(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (id is not null && model.Executors.TryGetValue(id, out var executor))
        {
            executor.RemovedTimeMs = time;
            executor.RemovedReason = reason;
            model.SeeTime(time);
        }
    }

    public static void ParseBlockManagerAdded(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        string? executorId = null;
        long? maxMemory = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Block Manager ID"u8) && JsonRead.EnterObject(ref reader))
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("Executor ID"u8))
                    {
                        executorId = JsonRead.String(ref reader);
                    }
                    else
                    {
                        JsonRead.SkipValue(ref reader);
                    }
                }
            }
            else if (reader.ValueTextEquals("Maximum Memory"u8))
            {
                maxMemory = JsonRead.Int64(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        if (executorId is null)
        {
            return;
        }

        if (executorId == "driver")
        {
            model.DriverMaxMemoryBytes = maxMemory;
        }

        if (model.Executors.TryGetValue(executorId, out var executor))
        {
            executor.MaxMemoryBytes = maxMemory;
        }
    }

    public static void ParseSqlExecutionStart(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        long id = -1, time = 0;
        string? description = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("executionId"u8))
            {
                id = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                description = JsonRead.String(ref reader);
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                time = JsonRead.Int64(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        var sql = model.Sql(id);
        sql.Description = description ?? "";
        sql.StartTimeMs = time;
        model.SeeTime(time);
    }

    public static void ParseSqlExecutionEnd(ref Utf8JsonReader reader, ApplicationModelBuilder model)
    {
        long id = -1, time = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("executionId"u8))
            {
                id = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("time"u8))
            {
                time = JsonRead.Int64(ref reader);
            }
            else
            {
                JsonRead.SkipValue(ref reader);
            }
        }

        model.Sql(id).EndTimeMs = time;
        model.SeeTime(time);
    }
}
