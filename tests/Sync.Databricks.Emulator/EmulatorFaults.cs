namespace Sync.Databricks.Emulator;

/// <summary>Faults a test switches on: throttling and server-error bursts, slow answers, failed runs, lost nodes, logs that never arrive.</summary>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Burst> _bursts = [];

    private sealed class Burst(int remaining, int status, string errorCode, string message, int? retryAfterSeconds, string? pathContains)
    {
        public int Remaining { get; set; } = remaining;
        public int Status { get; } = status;
        public string ErrorCode { get; } = errorCode;
        public string Message { get; } = message;
        public int? RetryAfterSeconds { get; } = retryAfterSeconds;
        public string? PathContains { get; } = pathContains;
    }

    /// <summary>Delay before every answer.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Runs submitted from now on fail with this state message (result state FAILED); <see langword="null"/>: they succeed.</summary>
    public string? FailRunsWith { get; set; }

    /// <summary>Clusters created from now on lose a worker halfway through the run (a NODES_LOST event).</summary>
    public bool LoseNodeDuringRuns { get; set; }

    /// <summary>Clusters created from now on never deliver their logs.</summary>
    public bool NeverDeliverLogs { get; set; }

    /// <summary>The next <paramref name="count"/> matching requests get 429 REQUEST_LIMIT_EXCEEDED with <c>Retry-After</c>.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> value, or <see langword="null"/> for none.</param>
    /// <param name="pathContains">Only requests whose path contains this.</param>
    public void Throttle(int count, int? retryAfterSeconds = 1, string? pathContains = null) =>
        Add(new Burst(count, 429, "REQUEST_LIMIT_EXCEEDED", "Your request was rejected due to API rate limit. Retry later.", retryAfterSeconds, pathContains));

    /// <summary>The next <paramref name="count"/> matching requests get a 5xx error.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="status">500, 502, 503, …</param>
    /// <param name="pathContains">Only requests whose path contains this.</param>
    public void FailWithServerError(int count, int status = 500, string? pathContains = null) =>
        Add(new Burst(count, status, status == 503 ? "TEMPORARILY_UNAVAILABLE" : "INTERNAL_ERROR", "The service encountered an internal error; please retry.", null, pathContains));

    internal (int Status, string ErrorCode, string Message, int? RetryAfterSeconds)? Take(string path)
    {
        lock (_gate)
        {
            var burst = _bursts.FirstOrDefault(b => b.Remaining > 0 && (b.PathContains is null || path.Contains(b.PathContains, StringComparison.Ordinal)));
            if (burst is null)
            {
                return null;
            }

            burst.Remaining--;
            return (burst.Status, burst.ErrorCode, burst.Message, burst.RetryAfterSeconds);
        }
    }

    private void Add(Burst burst)
    {
        lock (_gate)
        {
            _bursts.Add(burst);
        }
    }
}
