using System.Diagnostics;
using Sync.Server.Auth;

namespace Sync.Server.Hosting;

/// <summary>
/// Logs one structured line per request: method, path, status, milliseconds, tenant. Never headers, query strings or
/// bodies, so that tokens and secrets cannot reach the log.
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation(
                "{Method} {Path} {Status} {ElapsedMs:0.0} ms tenant={Tenant}",
                context.Request.Method,
                context.Request.Path.Value,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.Items.ContainsKey("sync.tenant") ? context.TenantId() : "-");
        }
    }
}
