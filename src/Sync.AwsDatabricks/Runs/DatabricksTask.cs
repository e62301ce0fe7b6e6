using System.Text.Json;
using System.Text.Json.Nodes;
using Sync.Api;

namespace Sync.AwsDatabricks.Runs;

/// <summary>
/// What a one-time run executes: one task of the Jobs API (<c>spark_python_task</c>, <c>spark_jar_task</c>,
/// <c>notebook_task</c> or <c>spark_submit_task</c>) with its other task members (<c>libraries</c>,
/// <c>timeout_seconds</c>, …). The cluster is not part of the task: it comes from the cluster spec given beside it.
/// Build one with <see cref="SparkPython"/>, <see cref="SparkJar"/>, <see cref="Notebook"/>, <see cref="SparkSubmit"/>
/// or read one from JSON with <see cref="Parse(string)"/>.
/// </summary>
public sealed class DatabricksTask
{
    /// <summary>The task kinds a run may carry.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["spark_python_task", "spark_jar_task", "notebook_task", "spark_submit_task"];

    private readonly JsonObject _json;

    private DatabricksTask(JsonObject json, string kind)
    {
        _json = json;
        Kind = kind;
    }

    /// <summary>The task kind, one of <see cref="Kinds"/>.</summary>
    public string Kind { get; }

    /// <summary>
    /// A hash of the application's code (see <see cref="Sync.Api.Models.CodeHash"/>); when not set, the code file is
    /// hashed when it lies on DBFS (<see cref="CodeFile"/>).
    /// </summary>
    public string? CodeHash { get; init; }

    /// <summary>The file holding the application's code, when the task names one: the Python file, the first jar library, or the first <c>.py</c>/<c>.jar</c> argument of spark-submit.</summary>
    public string? CodeFile
    {
        get
        {
            var body = _json[Kind] as JsonObject;
            return Kind switch
            {
                "spark_python_task" => body?["python_file"]?.GetValue<string>(),
                "spark_jar_task" => body?["jar_uri"]?.GetValue<string>()
                    ?? (_json["libraries"] as JsonArray)?.Select(l => l?["jar"]?.GetValue<string>()).FirstOrDefault(j => j is not null),
                "spark_submit_task" => (body?["parameters"] as JsonArray)?.Select(p => p?.GetValue<string>())
                    .FirstOrDefault(p => p is not null && (p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".jar", StringComparison.Ordinal))),
                "notebook_task" => body?["notebook_path"]?.GetValue<string>(),
                _ => null,
            };
        }
    }

    /// <summary>A Python file run with <c>spark_python_task</c>.</summary>
    /// <param name="pythonFile">The file, e.g. <c>dbfs:/jobs/etl.py</c> or <c>s3://bucket/etl.py</c>.</param>
    /// <param name="parameters">Command-line parameters.</param>
    /// <returns>The task.</returns>
    public static DatabricksTask SparkPython(string pythonFile, params string[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pythonFile);
        return Of("spark_python_task", new JsonObject { ["python_file"] = pythonFile, ["parameters"] = Strings(parameters) });
    }

    /// <summary>A main class run with <c>spark_jar_task</c>, its jar installed as a library.</summary>
    /// <param name="mainClassName">The main class.</param>
    /// <param name="jar">The jar, e.g. <c>dbfs:/jars/etl.jar</c>.</param>
    /// <param name="parameters">Parameters of the main method.</param>
    /// <returns>The task.</returns>
    public static DatabricksTask SparkJar(string mainClassName, string jar, params string[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mainClassName);
        ArgumentException.ThrowIfNullOrWhiteSpace(jar);
        var task = Of("spark_jar_task", new JsonObject { ["main_class_name"] = mainClassName, ["parameters"] = Strings(parameters) });
        task._json["libraries"] = new JsonArray(new JsonObject { ["jar"] = jar });
        return task;
    }

    /// <summary>A notebook run with <c>notebook_task</c>.</summary>
    /// <param name="notebookPath">The notebook's workspace path.</param>
    /// <param name="baseParameters">Widget values.</param>
    /// <returns>The task.</returns>
    public static DatabricksTask Notebook(string notebookPath, IReadOnlyDictionary<string, string>? baseParameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookPath);
        var parameters = new JsonObject();
        foreach (var (key, value) in baseParameters ?? new Dictionary<string, string>())
        {
            parameters[key] = value;
        }

        return Of("notebook_task", new JsonObject { ["notebook_path"] = notebookPath, ["base_parameters"] = parameters });
    }

    /// <summary>A <c>spark-submit</c> run with <c>spark_submit_task</c>.</summary>
    /// <param name="parameters">The spark-submit arguments (options, then the application file and its arguments).</param>
    /// <returns>The task.</returns>
    public static DatabricksTask SparkSubmit(params string[] parameters) =>
        Of("spark_submit_task", new JsonObject { ["parameters"] = Strings(parameters) });

    /// <summary>Reads a task given as JSON: an object holding exactly one of <see cref="Kinds"/> and other task members.</summary>
    /// <param name="json">The JSON text, e.g. <c>{"spark_python_task": {"python_file": "dbfs:/jobs/etl.py"}}</c>.</param>
    /// <returns>The task, or an <see cref="SyncErrorKind.InvalidInput"/> error naming the member at fault.</returns>
    public static Response<DatabricksTask> Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) is JsonObject task
                ? FromJson(task)
                : Invalid("The task must be a JSON object holding one of " + string.Join(", ", Kinds) + ".");
        }
        catch (JsonException e)
        {
            return Invalid($"The task is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
    }

    /// <summary>Reads a task given as a JSON object (copied).</summary>
    /// <param name="task">The task object.</param>
    /// <returns>The task, or an <see cref="SyncErrorKind.InvalidInput"/> error naming the member at fault.</returns>
    public static Response<DatabricksTask> FromJson(JsonObject task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var kinds = Kinds.Where(k => task[k] is not null).ToList();
        if (kinds.Count != 1)
        {
            return Invalid(kinds.Count == 0
                ? $"The task holds none of {string.Join(", ", Kinds)}."
                : $"The task holds {string.Join(" and ", kinds)}; a run takes exactly one.");
        }

        var kind = kinds[0];
        if (task[kind] is not JsonObject body)
        {
            return Invalid($"{kind} must be an object.");
        }

        foreach (var member in new[] { "new_cluster", "existing_cluster_id", "job_cluster_key" })
        {
            if (task[member] is not null)
            {
                return Invalid($"The task holds {member}; the cluster comes from the cluster spec, so leave {member} out.");
            }
        }

        var required = kind switch
        {
            "spark_python_task" => "python_file",
            "spark_jar_task" => "main_class_name",
            "notebook_task" => "notebook_path",
            _ => "parameters",
        };
        if (body[required] is null)
        {
            return Invalid($"{kind}.{required} is required.");
        }

        if (body["parameters"] is { } parameters && parameters is not JsonArray)
        {
            return Invalid($"{kind}.parameters must be an array of strings.");
        }

        var copy = (JsonObject)task.DeepClone();
        copy.Remove("task_key");
        return Response.FromValue(new DatabricksTask(copy, kind));
    }

    /// <summary>The task a run carried, read back from <c>runs/get</c> (only the task kind and its libraries are kept).</summary>
    /// <param name="runTask">A member of the run's <c>tasks</c>.</param>
    /// <returns>The task, or <see langword="null"/> when it holds no known kind.</returns>
    internal static DatabricksTask? FromRunTask(JsonObject runTask)
    {
        var kind = Kinds.FirstOrDefault(k => runTask[k] is JsonObject);
        if (kind is null)
        {
            return null;
        }

        var json = new JsonObject { [kind] = runTask[kind]!.DeepClone() };
        if (runTask["libraries"] is JsonArray libraries)
        {
            json["libraries"] = libraries.DeepClone();
        }

        return new DatabricksTask(json, kind);
    }

    /// <summary>The task as JSON (a copy), ready to be given a <c>task_key</c> and a <c>new_cluster</c>.</summary>
    /// <returns>The task object.</returns>
    public JsonObject ToJson() => (JsonObject)_json.DeepClone();

    /// <inheritdoc/>
    public override string ToString() => _json.ToJsonString();

    private static DatabricksTask Of(string kind, JsonObject body) => new(new JsonObject { [kind] = body }, kind);

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private static Response<DatabricksTask> Invalid(string message) =>
        Response.FromError<DatabricksTask>(new SyncError(SyncErrorKind.InvalidInput, message,
            "Pass a Jobs API task such as {\"spark_python_task\": {\"python_file\": \"dbfs:/jobs/etl.py\"}}.", "invalid-task"));
}
