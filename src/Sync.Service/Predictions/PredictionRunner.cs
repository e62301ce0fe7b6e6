using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Sync.Engine.EventLogs;
using Sync.Service.Contract;
using Sync.Service.Storage;

namespace Sync.Service.Predictions;

/// <summary>
/// Runs queued predictions in the background, at most <see cref="SyncServiceOptions.MaxConcurrentPredictions"/> at a
/// time. A prediction is claimed by moving it from PENDING to RUNNING in one conditional update, and holds a lease that
/// is renewed while it runs. At start and then once a lease period while workers run, predictions left RUNNING with
/// an expired lease (their process died) are marked FAILURE and retryable; at start PENDING ones are queued again, so
/// that none stays stuck, and a client waiting in another process sees the failure instead of waiting forever.
/// </summary>
internal sealed class PredictionRunner : IAsyncDisposable
{
    private readonly SyncDatabase _database;
    private readonly PredictionEngine _engine;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _runningHere = new();
    private int _disposed;

    public PredictionRunner(SyncDatabase database, PredictionEngine engine, TimeProvider clock, TimeSpan lease)
    {
        _database = database;
        _engine = engine;
        _clock = clock;
        _lease = lease;
    }

    /// <summary>Recovers what a previous process left behind; then, when <paramref name="workers"/> &gt; 0, starts the workers.</summary>
    public async Task StartAsync(int workers, CancellationToken cancellationToken)
    {
        await FailInterruptedAsync(cancellationToken);
        await using (var db = _database.Open())
        {
            if (workers > 0)
            {
                var pending = await db.Predictions.Where(p => p.Status == PredictionStatuses.Pending)
                    .OrderBy(p => p.CreatedAtMs).Select(p => p.Id).ToListAsync(cancellationToken);
                foreach (var id in pending)
                {
                    Enqueue(id);
                }
            }
        }

        for (var i = 0; i < workers; i++)
        {
            _workers.Add(Task.Run(WorkAsync));
        }

        if (workers > 0)
        {
            _workers.Add(Task.Run(WatchLeasesAsync));
        }
    }

    /// <summary>
    /// Marks FAILURE (retryable) the predictions left RUNNING whose lease ran out: the process running them stopped.
    /// Never those this process runs (a late lease renewal is not a crash).
    /// </summary>
    private async Task FailInterruptedAsync(CancellationToken cancellationToken)
    {
        var now = Time.NowMs(_clock);
        var mine = _runningHere.Keys.ToList();
        await using var db = _database.Open();
        await db.Predictions
            .Where(p => p.Status == PredictionStatuses.Running && (p.LeaseUntilMs == null || p.LeaseUntilMs < now) && !mine.Contains(p.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PredictionStatuses.Failure)
                .SetProperty(p => p.ErrorCode, "interrupted")
                .SetProperty(p => p.ErrorMessage, "The prediction was interrupted: the process running it stopped before it finished.")
                .SetProperty(p => p.ErrorHint, "Retry the prediction.")
                .SetProperty(p => p.Retryable, true)
                .SetProperty(p => p.LeaseUntilMs, (long?)null)
                .SetProperty(p => p.FinishedAtMs, now)
                .SetProperty(p => p.UpdatedAtMs, now), cancellationToken);
    }

    /// <summary>Once a lease period, fails what another process left RUNNING when it stopped (<see cref="FailInterruptedAsync"/>).</summary>
    private async Task WatchLeasesAsync()
    {
        var token = _stopping.Token;
        try
        {
            using var timer = new PeriodicTimer(_lease, _clock);
            while (await timer.WaitForNextTickAsync(token))
            {
                try
                {
                    await FailInterruptedAsync(token);
                }
                catch (Exception e) when (e is DbException or DbUpdateException)
                {
                    // The database was busy or away for a moment (another process writing): try again next period.
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    public void Enqueue(string predictionId) => _queue.Writer.TryWrite(predictionId);

    private async Task WorkAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(token))
            {
                await RunOneAsync(id, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task RunOneAsync(string id, CancellationToken stopping)
    {
        // Once shutdown began, leave the prediction PENDING for the next process. Claiming and reading the row are
        // then not cancelled by it: a claim interrupted half-way would leave the prediction RUNNING with no one to run it.
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        if (!await TryClaimAsync(id))
        {
            return;
        }

        // The lease watcher never fails what this process runs.
        _runningHere[id] = 0;
        try
        {
            PredictionRow? row;
            await using (var db = _database.Open())
            {
                row = await db.Predictions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, CancellationToken.None);
            }

            if (row is not null)
            {
                await RunClaimedAsync(row, stopping);
            }
        }
        finally
        {
            _runningHere.TryRemove(id, out _);
        }
    }

    /// <summary>Moves the prediction from PENDING to RUNNING with a fresh lease; false when another worker or process has it.</summary>
    private async Task<bool> TryClaimAsync(string id)
    {
        var now = Time.NowMs(_clock);
        await using var db = _database.Open();
        var claimed = await db.Predictions.Where(p => p.Id == id && p.Status == PredictionStatuses.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PredictionStatuses.Running)
                .SetProperty(p => p.Attempts, p => p.Attempts + 1)
                .SetProperty(p => p.LeaseUntilMs, now + (long)_lease.TotalMilliseconds)
                .SetProperty(p => p.StartedAtMs, now)
                .SetProperty(p => p.UpdatedAtMs, now), CancellationToken.None);
        return claimed > 0;
    }

    private async Task RunClaimedAsync(PredictionRow row, CancellationToken stopping)
    {
        var id = row.Id;
        using var leaseStop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = RenewLeaseAsync(id, leaseStop.Token);
        Outcome outcome;
        try
        {
            var result = await _engine.PredictAsync(row.UploadPath ?? row.EventLogUrl!, row.ClusterReportJson, row.SlaSeconds, stopping);
            outcome = Outcome.Success(JsonSerializer.Serialize(result, ContractJson.Options), result.ApplicationName);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopped by shutdown, whatever the engine made of the cancellation: not the prediction's failure.
            outcome = Outcome.Requeue;
        }
        catch (Exception e)
        {
            outcome = Classify(e);
        }
        finally
        {
            await leaseStop.CancelAsync();
            await renewing;
        }

        await FinishAsync(id, outcome);
    }

    private async Task FinishAsync(string id, Outcome outcome)
    {
        var now = Time.NowMs(_clock);
        await using var db = _database.Open();
        var running = db.Predictions.Where(p => p.Id == id && p.Status == PredictionStatuses.Running);
        if (outcome.Status == PredictionStatuses.Pending)
        {
            // Stopped by shutdown: back to the queue of the next process, without counting the attempt.
            await running.ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PredictionStatuses.Pending)
                .SetProperty(p => p.Attempts, p => p.Attempts - 1)
                .SetProperty(p => p.LeaseUntilMs, (long?)null)
                .SetProperty(p => p.UpdatedAtMs, now), CancellationToken.None);
            return;
        }

        await running.ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Status, outcome.Status)
            .SetProperty(p => p.ResultJson, outcome.ResultJson)
            .SetProperty(p => p.ApplicationName, outcome.ApplicationName)
            .SetProperty(p => p.ErrorCode, outcome.ErrorCode)
            .SetProperty(p => p.ErrorMessage, outcome.ErrorMessage)
            .SetProperty(p => p.ErrorHint, outcome.ErrorHint)
            .SetProperty(p => p.Retryable, outcome.Retryable)
            .SetProperty(p => p.LeaseUntilMs, (long?)null)
            .SetProperty(p => p.FinishedAtMs, now)
            .SetProperty(p => p.UpdatedAtMs, now), CancellationToken.None);
    }

    private async Task RenewLeaseAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_lease / 3, _clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var until = Time.NowMs(_clock) + (long)_lease.TotalMilliseconds;
                await using var db = _database.Open();
                await db.Predictions.Where(p => p.Id == id && p.Status == PredictionStatuses.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeaseUntilMs, until), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Outcome Classify(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => Outcome.Failure("event_log_not_found", e.Message,
            "Check that the event log still exists, then retry.", retryable: true),
        EventLogFormatException => Outcome.Failure("invalid_event_log", e.Message,
            "Give the Spark event log of the run (a file, an eventlog_v2_* directory, a Databricks log folder or an archive).", retryable: false),
        InvalidDataException => Outcome.Failure("invalid_input", e.Message, "Check the cluster report (docs/cluster-report.md) and the event log.", retryable: false),
        UnauthorizedAccessException => Outcome.Failure("event_log_unreadable", e.Message, "Check that the service can read the event log, then retry.", retryable: true),
        IOException => Outcome.Failure("io_error", e.Message, "Retry the prediction.", retryable: true),
        _ => Outcome.Failure("internal_error", $"The prediction engine failed: {e.GetType().Name}: {e.Message}", "Retry; if it fails again, report it with the event log.", retryable: true),
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        await Task.WhenAll(_workers);
        _stopping.Dispose();
    }

    private sealed record Outcome(string Status, string? ResultJson, string? ApplicationName, string? ErrorCode, string? ErrorMessage, string? ErrorHint, bool Retryable)
    {
        public static Outcome Requeue { get; } = new(PredictionStatuses.Pending, null, null, null, null, null, false);

        public static Outcome Success(string resultJson, string? applicationName) =>
            new(PredictionStatuses.Success, resultJson, applicationName, null, null, null, false);

        public static Outcome Failure(string code, string message, string hint, bool retryable) =>
            new(PredictionStatuses.Failure, null, null, code, message, hint, retryable);
    }
}
