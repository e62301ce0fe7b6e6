using Sync.Server.Auth;
using Sync.Server.Hosting;
using Sync.Server.Wire;
using Sync.Service;
using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Server.Endpoints;

/// <summary>The autotuner: products and predictions (<c>/v1/autotuner/…</c>).</summary>
internal static class PredictionEndpoints
{
    public static void MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        var autotuner = app.MapGroup("/v1/autotuner").WithTags("autotuner")
            .WithErrors(400, 401, 404);

        autotuner.MapGet("/products", () => Envelope.Ok(Products.Codes))
            .WithName("ListProducts").WithSummary("The product codes predictions can be made for.");

        autotuner.MapPost("/predictions", async (PredictionRequestDto request, HttpContext http, SyncServiceLifetime sync, UploadTokens uploads, CancellationToken cancellationToken) =>
            {
                var tenant = http.TenantId();
                var created = await sync.Service.Predictions.CreateAsync(tenant, request, cancellationToken);
                if (created.Status == PredictionStatuses.AwaitingUpload)
                {
                    created = new PredictionCreatedDto
                    {
                        PredictionId = created.PredictionId,
                        Status = created.Status,
                        Warnings = created.Warnings,
                        UploadDetails = UploadEndpoint.DetailsFor(http.Request, tenant, created.PredictionId, uploads),
                    };
                }

                return Envelope.Accepted(created);
            })
            .WithName("CreatePrediction")
            .WithSummary("Start a prediction from a cluster report (configs) and an event log.")
            .WithDescription("With eventlog_url the server reads the log itself; without it the result carries upload_details {url, fields}: POST the log there as multipart/form-data, the fields first and the log as the part named 'file'.");

        autotuner.MapGet("/predictions", async (string[]? products, string? project_id, string? preference, string? status, int? limit, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Predictions.ListAsync(http.TenantId(), new PredictionQuery
                {
                    Products = products?.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                    ProjectId = project_id,
                    Preference = preference,
                    Status = status,
                    Limit = limit ?? 100,
                }, cancellationToken)))
            .WithName("ListPredictions").WithSummary("List predictions, newest first; products is a comma-separated list of product codes (or repeated).");

        autotuner.MapGet("/predictions/{predictionId}", async (string predictionId, string? preference, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Predictions.GetAsync(http.TenantId(), predictionId, preference, cancellationToken)))
            .WithName("GetPrediction").WithSummary("Get a prediction; with preference, solutions holds that solution only.");

        autotuner.MapGet("/predictions/{predictionId}/status", async (string predictionId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Predictions.GetStatusAsync(http.TenantId(), predictionId, cancellationToken)))
            .WithName("GetPredictionStatus").WithSummary("AWAITING_UPLOAD, PENDING, RUNNING, SUCCESS or FAILURE.");

        autotuner.MapPost("/predictions/{predictionId}/retry", async (string predictionId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Predictions.RetryAsync(http.TenantId(), predictionId, cancellationToken)))
            .WithName("RetryPrediction").WithSummary("Run a failed prediction again.")
            .WithErrors(409);

        autotuner.MapDelete("/predictions/{predictionId}", async (string predictionId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
            {
                await sync.Service.Predictions.DeleteAsync(http.TenantId(), predictionId, cancellationToken);
                return Envelope.Ok(new DeletedDto(predictionId));
            })
            .WithName("DeletePrediction").WithSummary("Delete a prediction and its uploaded log.");
    }
}
