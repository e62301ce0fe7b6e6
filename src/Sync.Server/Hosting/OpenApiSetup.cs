using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sync.Server.Hosting;

/// <summary>
/// The OpenAPI document of the <c>/v1</c> API (served at <c>/openapi/v1.json</c>, committed as docs/openapi/v1.json):
/// the bearer scheme added, and no server URLs, so that the document is the same whatever address serves it.
/// </summary>
internal static class OpenApiSetup
{
    public static void AddSyncOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Info.Title = "Sync API";
                document.Info.Version = "v1";
                document.Info.Description = "Projects, runs (submissions) and predictions of Sync for .NET; wire-compatible with Sync's hosted API v1. Every body is {\"result\": ...} or {\"error\": {\"code\", \"message\", \"detail\"?}}. Exchange an API key for a bearer token at POST /v1/auth/token.";
                document.Servers?.Clear();
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The access_token of POST /v1/auth/token. Not needed by /v1/auth/token itself nor by the upload URL (its form field 'token' authenticates).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
