using System.Diagnostics;
using System.Text.Json;
using Sync.Api.Backends;
using Sync.Api.Models;
using Sync.Engine.Recommendations;
using Sync.Service.Contract;
using Sync.Service.Predictions;

namespace Sync.Api;

/// <summary>
/// Predictions: create (from an event log and report, or a recorded run), get, list, wait for, retry and delete. Get
/// one from <see cref="SyncClient.Predictions"/>; every method is virtual for mocking.
/// </summary>
public class PredictionsClient
{
    private readonly ISyncBackend _backend;
    private readonly TimeSpan _pollInterval;

    internal PredictionsClient(ISyncBackend backend, TimeSpan pollInterval)
    {
        _backend = backend;
        _pollInterval = pollInterval;
    }

    /// <summary>For mocking.</summary>
    protected PredictionsClient()
    {
        _backend = null!;
    }

    /// <summary>
    /// Creates a prediction and queues it; it runs in the background (see <see cref="WaitForPredictionAsync"/>). An
    /// event log given by path is read in place by the embedded backend and uploaded (streamed) by the remote one.
    /// </summary>
    /// <param name="options">What to predict from.</param>
    /// <param name="cancellationToken">Cancels the call (and the upload).</param>
    /// <returns>
    /// The new prediction (usually <see cref="PredictionStatus.Pending"/>), with a <c>code_hash_changed</c> warning
    /// when its code hash differs from the basis run's; or an error (<see cref="SyncErrorKind.InvalidInput"/> for a
    /// malformed report or missing log, <see cref="SyncErrorKind.NotFound"/> for an unknown project or run).
    /// </returns>
    public virtual Task<Response<Prediction>> CreateAsync(PredictionCreateOptions options, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(() => CreateCoreAsync(options, cancellationToken), cancellationToken);

    private async Task<Response<Prediction>> CreateCoreAsync(PredictionCreateOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw Calls.Invalid("Prediction options are required.");
        }

        var sources = new object?[] { options.EventLogPath, options.EventLogStream, options.EventLogUrl }.Count(s => s is not null);
        if (sources > 1)
        {
            throw Calls.Invalid("Give one of EventLogPath, EventLogStream and EventLogUrl, not several.");
        }

        if (sources == 0 && options.RunId is null)
        {
            throw Calls.Invalid("An event log is required.", "Give the run's event log, or the id of a recorded run.");
        }

        JsonElement? report = options.ClusterReportJson is not null ? ReportJson.Parse(options.ClusterReportJson, "The cluster report")
            : options.ClusterReportPath is not null ? await ReportJson.ReadAsync(options.ClusterReportPath, cancellationToken)
            : null;
        if (report is null && options.RunId is null)
        {
            throw Calls.Invalid("A cluster report is required.", "Give the run's cluster report (docs/cluster-report.md).");
        }

        string? eventLogUrl = options.EventLogUrl;
        EventLogUpload? upload = options.EventLogStream is { } stream ? new EventLogUpload(stream, options.EventLogFileName ?? "eventlog", Owned: false) : null;
        if (options.EventLogPath is { } path)
        {
            if (_backend.ReadsLocalPaths)
            {
                eventLogUrl = Path.GetFullPath(path);
            }
            else
            {
                upload = EventLogUpload.Open(path, options.EventLogFileName);
            }
        }

        try
        {
            var created = await _backend.CreatePredictionAsync(new PredictionRequestDto
            {
                ProjectId = options.ProjectId, RunId = options.RunId, ProductCode = options.ProductCode, EventLogUrl = eventLogUrl, Configs = report,
                Preference = ModelMapper.Wire(options.Preference), SlaSeconds = options.Sla?.TotalSeconds, CodeHash = options.CodeHash,
            }, cancellationToken);
            if (upload is not null && await UploadAsync(created, upload, cancellationToken) is { } failed)
            {
                return Response.FromError<Prediction>(failed with
                {
                    Message = $"Prediction {created.PredictionId} was created but its event log upload failed: {failed.Message}",
                    Hint = $"Upload it again with UploadEventLogAsync(\"{created.PredictionId}\", …) (`sync-cli predictions upload {created.PredictionId} <log>`). {failed.Hint}".TrimEnd(),
                });
            }

            // A log that was just uploaded answers the service's "waiting for an upload" warning.
            var prediction = await _backend.GetPredictionAsync(created.PredictionId, null, cancellationToken);
            var warnings = upload is null ? created.Warnings : created.Warnings?.Where(w => w.Code != "event_log_upload_needed").ToList();
            return Response.FromValue(ModelMapper.ToModel(prediction), ModelMapper.ToWarnings(warnings));
        }
        finally
        {
            if (upload is not null)
            {
                await upload.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Uploads the event log of a prediction that awaits it (<see cref="PredictionStatus.AwaitingUpload"/>): one created
    /// without a log, or whose upload failed or was interrupted. The log is streamed, never held whole in memory.
    /// </summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="eventLogPath">The event log: a file or an archive.</param>
    /// <param name="cancellationToken">Cancels the upload; the prediction keeps awaiting its log.</param>
    /// <returns>
    /// The prediction, now queued; or an error (<see cref="SyncErrorKind.NotFound"/>, <see cref="SyncErrorKind.Conflict"/>
    /// when it is not awaiting a log, <see cref="SyncErrorKind.InvalidInput"/> for a missing file).
    /// </returns>
    public virtual Task<Response<Prediction>> UploadEventLogAsync(string predictionId, string eventLogPath, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            await using var upload = EventLogUpload.Open(eventLogPath, null);
            return await UploadCoreAsync(predictionId, upload, cancellationToken);
        }, cancellationToken);

    /// <summary>Uploads the event log of a prediction that awaits it, from a stream read once (see <see cref="UploadEventLogAsync(string, string, CancellationToken)"/>).</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="eventLog">The log's bytes; not disposed.</param>
    /// <param name="fileName">The log's file name (its extension tells the compression), <c>eventlog</c> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the upload; the prediction keeps awaiting its log.</param>
    /// <returns>The prediction, now queued; or an error.</returns>
    public virtual Task<Response<Prediction>> UploadEventLogAsync(string predictionId, Stream eventLog, string? fileName = null, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(() => UploadCoreAsync(predictionId, new EventLogUpload(eventLog ?? throw Calls.Invalid("An event log stream is required."), fileName ?? "eventlog", Owned: false), cancellationToken),
            cancellationToken);

    private async Task<Response<Prediction>> UploadCoreAsync(string predictionId, EventLogUpload upload, CancellationToken cancellationToken)
    {
        var created = await _backend.GetUploadDetailsAsync(Ids.Check(predictionId, "prediction"), cancellationToken);
        if (await UploadAsync(created, upload, cancellationToken) is { } failed)
        {
            return Response.FromError<Prediction>(failed with { Message = $"The event log upload of prediction {predictionId} failed: {failed.Message}" });
        }

        return Response.FromValue(ModelMapper.ToModel(await _backend.GetPredictionAsync(created.PredictionId, null, cancellationToken)));
    }

    /// <summary>Sends the log; a failure comes back as the error (the prediction keeps awaiting its log), cancellation propagates.</summary>
    private async Task<SyncError?> UploadAsync(PredictionCreatedDto created, EventLogUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            await _backend.UploadEventLogAsync(created, upload.Content, upload.FileName, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ErrorMapping.FromException(e, cancellationToken);
        }
    }

    /// <summary>
    /// A succeeded prediction as one self-contained HTML page (the runtime/cost chart of every simulated configuration
    /// with the Pareto front, the observed run's timeline, the solutions; see docs/prediction-report.md). The engine
    /// runs again on the prediction's event log, so this takes about as long as the prediction did.
    /// </summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page's HTML, or an error (<see cref="SyncErrorKind.NotFound"/>; <see cref="SyncErrorKind.Conflict"/> until it succeeded).</returns>
    public virtual Task<Response<string>> GetReportAsync(string predictionId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue(await _backend.GetPredictionReportAsync(Ids.Check(predictionId, "prediction"), cancellationToken)), cancellationToken);

    /// <summary>Gets a prediction.</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="preference">Return only this solution, when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prediction (with its warnings also on the response), or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response<Prediction>> GetAsync(string predictionId, Preference? preference = null, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            var prediction = ModelMapper.ToModel(await _backend.GetPredictionAsync(Ids.Check(predictionId, "prediction"), ModelMapper.Wire(preference), cancellationToken));
            return Response.FromValue(prediction, prediction.Warnings);
        }, cancellationToken);

    /// <summary>Gets a prediction's status.</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response<PredictionStatus>> GetStatusAsync(string predictionId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue(ModelMapper.ParseStatus(
            (await _backend.GetPredictionStatusAsync(Ids.Check(predictionId, "prediction"), cancellationToken)).Status)), cancellationToken);

    /// <summary>Lists predictions, newest first.</summary>
    /// <param name="options">Filters; all optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The predictions, or an error.</returns>
    public virtual Task<Response<IReadOnlyList<Prediction>>> ListAsync(PredictionListOptions? options = null, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            options ??= new PredictionListOptions();
            var query = new PredictionQuery
            {
                ProjectId = options.ProjectId, Products = options.ProductCodes, Status = options.Status is { } s ? ModelMapper.ToWire(s) : null,
                Preference = ModelMapper.Wire(options.Preference), Limit = options.Limit,
            };
            return Response.FromValue<IReadOnlyList<Prediction>>((await _backend.ListPredictionsAsync(query, cancellationToken)).Select(ModelMapper.ToModel).ToList());
        }, cancellationToken);

    /// <summary>
    /// Waits until a prediction has finished (<see cref="PredictionStatus.Success"/> or <see cref="PredictionStatus.Failure"/>),
    /// polling its status and reporting each change to <paramref name="progress"/>.
    /// </summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="progress">Told each status as it changes; optional.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>
    /// The finished prediction (check its <see cref="Prediction.Status"/>: a failed prediction is a successful wait),
    /// or an error: <see cref="SyncErrorKind.Timeout"/> when it had not finished in time, <see cref="SyncErrorKind.NotFound"/>,
    /// <see cref="SyncErrorKind.Cancelled"/>.
    /// </returns>
    public virtual Task<Response<Prediction>> WaitForPredictionAsync(string predictionId, TimeSpan timeout, IProgress<PredictionStatus>? progress = null,
        CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            var id = Ids.Check(predictionId, "prediction");
            var clock = Stopwatch.StartNew();
            PredictionStatus? last = null;
            while (true)
            {
                var status = ModelMapper.ParseStatus((await _backend.GetPredictionStatusAsync(id, cancellationToken)).Status);
                if (status != last)
                {
                    progress?.Report(status);
                    last = status;
                }

                if (status is PredictionStatus.Success or PredictionStatus.Failure)
                {
                    var prediction = ModelMapper.ToModel(await _backend.GetPredictionAsync(id, null, cancellationToken));
                    return Response.FromValue(prediction, prediction.Warnings);
                }

                var left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    return Response.FromError<Prediction>(new SyncError(SyncErrorKind.Timeout,
                        $"Prediction {id} is still {status} after {timeout.TotalSeconds:0.#} s.",
                        status == PredictionStatus.AwaitingUpload ? "Its event log was never uploaded; create the prediction again." : "Wait again, or check it later."));
                }

                await Task.Delay(left < _pollInterval ? left : _pollInterval, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>Queues a failed prediction again.</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its new status, or an error (<see cref="SyncErrorKind.NotFound"/>, <see cref="SyncErrorKind.Conflict"/> when it has not failed).</returns>
    public virtual Task<Response<PredictionStatus>> RetryAsync(string predictionId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue(ModelMapper.ParseStatus(
            (await _backend.RetryPredictionAsync(Ids.Check(predictionId, "prediction"), cancellationToken)).Status)), cancellationToken);

    /// <summary>Deletes a prediction.</summary>
    /// <param name="predictionId">The prediction's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response> DeleteAsync(string predictionId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(() => _backend.DeletePredictionAsync(Ids.Check(predictionId, "prediction"), cancellationToken), cancellationToken);
}
