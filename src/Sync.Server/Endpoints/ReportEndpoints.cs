using Sync.Server.Auth;
using Sync.Server.Hosting;

namespace Sync.Server.Endpoints;

/// <summary>
/// A succeeded prediction drawn as one self-contained HTML page (<see cref="Sync.Engine.Reports.PredictionReport"/>,
/// the page <c>sync-cli predictions report --html</c> writes): <c>GET /v1/predictions/{id}/report</c>, and the same
/// under <c>/v1/autotuner/</c> beside the other prediction routes.
/// </summary>
internal static class ReportEndpoints
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var (prefix, name) in new[] { ("/v1/predictions", "GetPredictionReport"), ("/v1/autotuner/predictions", "GetAutotunerPredictionReport") })
        {
            app.MapGet(prefix + "/{predictionId}/report", async (string predictionId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                    Results.Content(await sync.Service.Predictions.GetReportAsync(http.TenantId(), predictionId, cancellationToken), HtmlContentType))
                .WithName(name).WithTags("autotuner")
                .WithSummary("The prediction as one self-contained HTML page: runtime/cost chart, solutions, timeline of the observed run.")
                .WithDescription("Only for a prediction whose status is SUCCESS (409 prediction_not_ready otherwise). The engine runs again on the prediction's event log, so this takes about as long as the prediction did.")
                .Produces<string>(200, "text/html")
                .WithErrors(401, 404, 409);
        }
    }
}
