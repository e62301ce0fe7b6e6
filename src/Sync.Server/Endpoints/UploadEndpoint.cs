using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Sync.Server.Auth;
using Sync.Server.Hosting;
using Sync.Server.Wire;
using Sync.Service.Contract;

namespace Sync.Server.Endpoints;

/// <summary>
/// <c>POST /v1/uploads/{predictionId}</c>: the <c>upload_details</c> target. A multipart/form-data body whose fields
/// (the upload token first) precede the part named <c>file</c>; the log is streamed to the data directory as it
/// arrives, never held in memory. A client that goes away mid-upload leaves the prediction awaiting its upload.
/// </summary>
internal static class UploadEndpoint
{
    /// <summary>The route prefix, exempt from bearer authentication: the upload token authenticates.</summary>
    public const string Prefix = "/v1/uploads";

    /// <summary>The form field that carries the upload token.</summary>
    public const string TokenField = "token";

    private const int MaxFieldBytes = 16 * 1024;

    /// <summary>Where and with which fields the event log of a prediction awaiting it is uploaded (a fresh token).</summary>
    public static UploadDetailsDto DetailsFor(HttpRequest request, string tenantId, string predictionId, UploadTokens tokens) => new()
    {
        Url = $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/{Uri.EscapeDataString(predictionId)}",
        Fields = new Dictionary<string, string> { [TokenField] = tokens.Issue(tenantId, predictionId) },
    };

    public static void MapUploadEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Prefix + "/{predictionId}", UploadAsync)
            .WithName("UploadEventLog").WithTags("autotuner")
            .WithSummary("Upload a prediction's event log (multipart/form-data: the upload_details fields, then the part 'file').")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ResultEnvelope<PredictionStatusDto>>(200)
            .WithErrors(400, 401, 404, 409, 413);

        app.MapGet("/v1/autotuner/predictions/{predictionId}/upload_details", UploadDetailsAsync)
            .WithName("GetUploadDetails").WithTags("autotuner")
            .WithSummary("Fresh upload_details for a prediction still awaiting its event log (after an upload failed or its token expired).")
            .Produces<ResultEnvelope<PredictionCreatedDto>>(200)
            .WithErrors(401, 404, 409);
    }

    private static async Task<IResult> UploadDetailsAsync(string predictionId, HttpContext http, SyncServiceLifetime sync, UploadTokens tokens, CancellationToken cancellationToken)
    {
        var tenant = http.TenantId();
        var status = await sync.Service.Predictions.GetStatusAsync(tenant, predictionId, cancellationToken);
        if (status.Status != PredictionStatuses.AwaitingUpload)
        {
            throw new ApiException(409, $"Prediction {predictionId} is {status.Status}, not awaiting an event log.", "Only a prediction created without an event log takes an upload.");
        }

        return Envelope.Ok(new PredictionCreatedDto { PredictionId = predictionId, Status = status.Status, UploadDetails = DetailsFor(http.Request, tenant, predictionId, tokens) });
    }

    private static async Task<IResult> UploadAsync(string predictionId, HttpContext http, SyncServiceLifetime sync, UploadTokens tokens, SyncServerOptions options, CancellationToken cancellationToken)
    {
        var sizeLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            // Room for the multipart framing and fields around the log itself.
            sizeLimit.MaxRequestBodySize = options.MaxUploadBytes + (1024 * 1024);
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new ApiException(400, "The upload must be multipart/form-data.", "POST the upload_details fields and the log as the part named 'file'.");
        }

        var reader = new MultipartReader(boundary, http.Request.Body);
        string? token = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data"))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name != "file")
            {
                var value = await ReadFieldAsync(section.Body, cancellationToken);
                if (name == TokenField)
                {
                    token = value;
                }

                continue;
            }

            if (token is null)
            {
                throw new ApiException(401, "The upload token field must come before the file.", "Send the upload_details fields first, then the part named 'file'.");
            }

            var (tenant, failure) = tokens.Validate(token, predictionId);
            if (tenant is null)
            {
                throw new ApiException(401, failure!, "Create the prediction again for a fresh upload_details.");
            }

            // Whether it is an event log at all is the engine's to say: a file that is not fails the prediction
            // with a clear error, the same on every backend (the contract suite checks it).
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            var status = await sync.Service.Predictions.AttachEventLogAsync(tenant, predictionId, section.Body, fileName, cancellationToken);
            return Envelope.Ok(status);
        }

        throw new ApiException(400, "The upload has no part named 'file'.", "Send the log as the multipart part named 'file'.");
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFieldBytes)
            {
                throw new ApiException(400, "A form field of the upload is too long.", "Send only the upload_details fields before the file.");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
