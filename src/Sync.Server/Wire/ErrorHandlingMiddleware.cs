using System.Text.Json;
using Sync.Service.Contract;

namespace Sync.Server.Wire;

/// <summary>
/// Turns every failure of a request into an <see cref="ErrorEnvelope"/> with the right HTTP status: an
/// <see cref="ApiException"/> or service failure as it says (<see cref="ServiceErrorMapping"/>), a rejected body
/// (malformed JSON 400, too large 413) as Kestrel says, anything else as 500 with the details only in the log.
/// </summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is nobody to answer.
            logger.LogInformation("Request {Method} {Path} aborted by the client", context.Request.Method, context.Request.Path.Value);
        }
        catch (Exception e) when (Describe(e) is { } error && !context.Response.HasStarted)
        {
            if (error.Status >= 500)
            {
                logger.LogError(e, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
            }
            else
            {
                logger.LogInformation("Request {Method} {Path} rejected: {Status} {Code}", context.Request.Method, context.Request.Path.Value, error.Status, error.Body.Code);
            }

            await WriteAsync(context, error.Status, error.Body);
        }
    }

    /// <summary>Writes <paramref name="body"/> as the response, replacing whatever was set.</summary>
    public static async Task WriteAsync(HttpContext context, int status, ErrorDto body)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ErrorEnvelope { Error = body }, context.RequestAborted);
    }

    private static (int Status, ErrorDto Body)? Describe(Exception e) => e switch
    {
        ApiException api => (api.StatusCode, Error(ErrorCodes.ForStatus(api.StatusCode), api.Message, api.Detail)),
        BadHttpRequestException { StatusCode: 413 } => (413, Error(ErrorCodes.PayloadTooLarge, "The request body is larger than this endpoint accepts.", "Send a smaller body; upload event logs through the upload URL of the prediction.")),
        BadHttpRequestException bad => (bad.StatusCode, Error(ErrorCodes.ForStatus(bad.StatusCode), BadRequestMessage(bad), "Check the request against the OpenAPI document at /openapi/v1.json.")),
        _ when ServiceErrorMapping.TryDescribe(e) is { } service => service,
        _ => (500, Error(ErrorCodes.Internal, "The server failed to handle the request.", "Retry; if it keeps failing, the server's log has the details.")),
    };

    private static ErrorDto Error(string code, string message, string? detail) => new() { Code = code, Message = message, Detail = detail };

    private static string BadRequestMessage(BadHttpRequestException e) =>
        e.InnerException is JsonException json
            ? $"The request body is not valid JSON for this endpoint ({json.Path ?? "$"}, line {json.LineNumber + 1})."
            : e.Message;
}
