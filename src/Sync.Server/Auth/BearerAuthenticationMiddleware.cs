using Sync.Server.Wire;

namespace Sync.Server.Auth;

/// <summary>
/// Requires a valid bearer token on every <c>/v1/</c> request but <c>POST /v1/auth/token</c> and the uploads (which carry
/// an upload token of their own), and records the token's
/// tenant for the endpoints (<see cref="TenantAccessor"/>). Failures answer 401 in the error envelope.
/// </summary>
internal sealed class BearerAuthenticationMiddleware(RequestDelegate next, BearerTokens tokens)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/v1") || path.StartsWithSegments("/v1/auth/token") || path.StartsWithSegments(Endpoints.UploadEndpoint.Prefix))
        {
            return next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(401, "This request needs an Authorization: Bearer token.", "Exchange an API key for a token with POST /v1/auth/token.");
        }

        var (payload, failure) = tokens.Validate(header["Bearer ".Length..].Trim());
        if (payload is null)
        {
            throw new ApiException(401, failure!, "Get a new token with POST /v1/auth/token.");
        }

        TenantAccessor.Set(context, payload.TenantId, payload.KeyId);
        return next(context);
    }
}
