using Microsoft.AspNetCore.Diagnostics;
using Sync.Service.Contract;

namespace Sync.Server.Wire;

/// <summary>Gives bodiless error statuses (an unknown route's 404, a wrong method's 405) the error envelope.</summary>
internal static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var message = code switch
        {
            404 => $"There is no resource at {context.Request.Path.Value}.",
            405 => $"{context.Request.Method} is not allowed on {context.Request.Path.Value}.",
            _ => $"The request failed with HTTP status {code}.",
        };
        return ErrorHandlingMiddleware.WriteAsync(context, code, new ErrorDto { Code = ErrorCodes.ForStatus(code), Message = message, Detail = "See the OpenAPI document at /openapi/v1.json." });
    }
}
