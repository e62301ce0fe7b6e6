using System.Text.Json.Nodes;

namespace Sync.Clients.Databricks.Models;

/// <summary>Builds <c>jobs/runs/submit</c> bodies (Jobs API 2.1: a <c>tasks</c> array) from raw JSON, keeping every member given.</summary>
internal static class RunSubmission
{
    /// <summary>The task kinds a one-time run may carry.</summary>
    public static IReadOnlyList<string> TaskKinds { get; } = ["spark_python_task", "spark_jar_task", "notebook_task", "spark_submit_task", "python_wheel_task"];

    /// <summary>A one-task run on a new cluster.</summary>
    /// <param name="runName">The run's name.</param>
    /// <param name="taskKey">The task key.</param>
    /// <param name="newCluster">A clusters create spec (copied).</param>
    /// <param name="task">An object holding one task kind, e.g. <c>{"spark_python_task": {...}}</c>, and other task members (copied).</param>
    /// <param name="idempotencyToken">Makes a retried submit return the same run instead of starting a second.</param>
    public static JsonObject SingleTask(string runName, string taskKey, JsonObject newCluster, JsonObject task, string idempotencyToken)
    {
        var taskJson = (JsonObject)task.DeepClone();
        taskJson["task_key"] = taskKey;
        taskJson["new_cluster"] = newCluster.DeepClone();
        return new JsonObject
        {
            ["run_name"] = runName,
            ["idempotency_token"] = idempotencyToken,
            ["tasks"] = new JsonArray(taskJson),
        };
    }
}
