using Sync.Server.Auth;
using Sync.Server.Hosting;
using Sync.Server.Wire;
using Sync.Service.Contract;

namespace Sync.Server.Endpoints;

/// <summary><c>POST /v1/auth/token</c>: an API key id and secret for a short-lived bearer token.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/auth/token", async (AuthTokenRequestDto request, SyncServiceLifetime sync, BearerTokens tokens, ILogger<BearerTokens> logger, CancellationToken cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(request.ApiKeyId) || string.IsNullOrEmpty(request.ApiKeySecret))
                {
                    throw new ApiException(400, "api_key_id and api_key_secret are both required.", "Send {\"api_key_id\": \"…\", \"api_key_secret\": \"…\"}.");
                }

                var tenantId = await sync.Service.ApiKeys.VerifyAsync(request.ApiKeyId, request.ApiKeySecret, cancellationToken);
                var (token, expiresAt) = tokens.Issue(tenantId, request.ApiKeyId);
                logger.LogInformation("Issued a bearer token for API key {ApiKeyId} of tenant {Tenant}, expiring {ExpiresAt:O}", request.ApiKeyId, tenantId, expiresAt);
                return Envelope.Ok(new AuthTokenDto { AccessToken = token, ExpiresAtUtc = expiresAt });
            })
            .WithName("CreateToken").WithTags("auth")
            .WithSummary("Exchange an API key id and secret for a bearer token.")
            .WithDescription("The token goes in 'Authorization: Bearer <token>' on every other /v1 request and expires at expires_at_utc.")
            .WithErrors(400, 401);
}
