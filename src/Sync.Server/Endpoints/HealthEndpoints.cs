using Sync.Server.Hosting;
using Sync.Server.Wire;
using Sync.Service.Contract;

namespace Sync.Server.Endpoints;

/// <summary><c>/health</c> (the process answers) and <c>/ready</c> (its database and data directory work); no token needed.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Envelope.Ok(new HealthDto("ok")))
            .WithName("Health").WithTags("health").WithSummary("Whether the server process answers.")
            .ExcludeFromDescription();
        app.MapGet("/ready", async (ReadinessCheck readiness, CancellationToken cancellationToken) =>
            {
                var failure = await readiness.CheckAsync(cancellationToken);
                return failure is null
                    ? Envelope.Ok(new HealthDto("ready"))
                    : Results.Json(Envelope.Error(ErrorCodes.Unavailable, failure, "Check the database settings and that the database server is up."), statusCode: 503);
            })
            .WithName("Ready").WithTags("health").WithSummary("Whether the server can reach its database and data directory.")
            .ExcludeFromDescription();
    }

    /// <summary>The body of <c>/health</c> and <c>/ready</c>.</summary>
    internal sealed record HealthDto(string Status);
}
