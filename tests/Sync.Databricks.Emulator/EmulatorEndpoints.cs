using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sync.Databricks.Emulator;

/// <summary>
/// The REST surface: bearer auth (401 without a token, 403 <c>Invalid access token.</c> with a wrong one), injected
/// faults, then the clusters, Jobs 2.1 runs and DBFS routes. Unknown routes answer 404 <c>ENDPOINT_NOT_FOUND</c>.
/// </summary>
internal static class EmulatorEndpoints
{
    public static void Map(WebApplication app, EmulatorWorkspace workspace, ConcurrentQueue<string> requestLog)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            var auth = context.Request.Headers.Authorization.ToString();
            if (!path.StartsWith("/emulator/", StringComparison.Ordinal))
            {
                if (workspace.Faults.ResponseDelay > TimeSpan.Zero)
                {
                    await Task.Delay(workspace.Faults.ResponseDelay, context.RequestAborted);
                }

                if (!auth.StartsWith("Bearer ", StringComparison.Ordinal))
                {
                    requestLog.Enqueue($"{context.Request.Method} {path} 401");
                    await Write(context, ApiResult.Error(401, "401", "Credential was not sent or was of an unsupported type for this API."));
                    return;
                }

                if (!workspace.Options.Tokens.Contains(auth["Bearer ".Length..]))
                {
                    requestLog.Enqueue($"{context.Request.Method} {path} 403");
                    context.Response.Headers["X-Databricks-Reason-Phrase"] = "Invalid access token.";
                    await Write(context, new ApiResult(403, new JsonObject { ["error_code"] = 403, ["message"] = "Invalid access token." }));
                    return;
                }

                if (workspace.Faults.Take(path) is { } fault)
                {
                    requestLog.Enqueue($"{context.Request.Method} {path} {fault.Status}");
                    if (fault.RetryAfterSeconds is { } after)
                    {
                        context.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await Write(context, ApiResult.Error(fault.Status, fault.ErrorCode, fault.Message));
                    return;
                }
            }

            workspace.Deliver();
            await next(context);
            requestLog.Enqueue($"{context.Request.Method} {path} {context.Response.StatusCode}");
        });

        Get(app, "/api/2.0/clusters/get", q => workspace.GetCluster(q["cluster_id"]));
        Post(app, "/api/2.0/clusters/events", workspace.ClusterEvents);
        Post(app, "/api/2.1/clusters/events", workspace.ClusterEvents);
        Get(app, "/api/2.0/clusters/list-node-types", _ => workspace.ListNodeTypes());
        Post(app, "/api/2.1/jobs/runs/submit", workspace.SubmitRun);
        Get(app, "/api/2.1/jobs/runs/get", q => workspace.GetRun(q["run_id"]));
        Get(app, "/api/2.1/jobs/runs/get-output", q => workspace.GetRunOutput(q["run_id"]));
        Post(app, "/api/2.1/jobs/runs/cancel", workspace.CancelRun);
        Get(app, "/api/2.0/dbfs/list", q => workspace.DbfsList(q["path"]));
        Get(app, "/api/2.0/dbfs/get-status", q => workspace.DbfsGetStatus(q["path"]));
        Get(app, "/api/2.0/dbfs/read", q => workspace.DbfsRead(q["path"], q["offset"], q["length"]));
        Post(app, "/api/2.0/dbfs/create", workspace.DbfsCreate);
        Post(app, "/api/2.0/dbfs/add-block", workspace.DbfsAddBlock);
        Post(app, "/api/2.0/dbfs/close", workspace.DbfsClose);
        Get(app, "/api/2.1/jobs/runs/list", q => workspace.ListRuns(q["limit"]));

        // Emulator control for tests that run it as a separate process (not part of the Databricks API).
        app.MapPost("/emulator/advance", (HttpContext context) =>
        {
            var ms = long.Parse(context.Request.Query["ms"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            workspace.Options.Clock.Advance(TimeSpan.FromMilliseconds(ms));
            return Results.Text(JsonSerializer.Serialize(new { now = workspace.Options.Clock.NowMs }), "application/json");
        });

        app.MapFallback(context => Write(context, ApiResult.Error(404, "ENDPOINT_NOT_FOUND", $"No API found for '{context.Request.Method} {context.Request.Path}'")));
    }

    private static void Get(WebApplication app, string path, Func<QueryReader, ApiResult> handler) =>
        app.MapGet(path, (HttpContext context) => Write(context, handler(new QueryReader(context.Request.Query))));

    private static void Post(WebApplication app, string path, Func<JsonObject?, ApiResult> handler) =>
        app.MapPost(path, async (HttpContext context) =>
        {
            JsonObject? body;
            try
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var text = await reader.ReadToEndAsync(context.RequestAborted);
                body = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException e)
            {
                await Write(context, ApiResult.Error(400, "MALFORMED_REQUEST", $"Invalid JSON given in the body of the request - {e.Message}"));
                return;
            }

            await Write(context, handler(body));
        });

    private static Task Write(HttpContext context, ApiResult result)
    {
        context.Response.StatusCode = result.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted);
    }

    private readonly struct QueryReader(IQueryCollection query)
    {
        public string? this[string name] => query.TryGetValue(name, out var v) ? v.ToString() : null;
    }
}
