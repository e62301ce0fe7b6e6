namespace Sync.Api;

/// <summary>What kind of failure a <see cref="SyncError"/> reports, so that callers can react without parsing messages.</summary>
public enum SyncErrorKind
{
    /// <summary>The input was wrong: a malformed spec, report or event log, a missing required value.</summary>
    InvalidInput,

    /// <summary>The project, run, prediction, cluster or file does not exist (or belongs to another tenant).</summary>
    NotFound,

    /// <summary>Credentials are missing, wrong or expired.</summary>
    Authentication,

    /// <summary>The credentials are valid but not allowed to do this.</summary>
    PermissionDenied,

    /// <summary>The request conflicts with the current state (a name already taken, a run still going).</summary>
    Conflict,

    /// <summary>The resource is not ready yet (a cluster still running, logs not delivered yet); retry later.</summary>
    NotReady,

    /// <summary>The service could not be reached (DNS, connection refused, TLS).</summary>
    Network,

    /// <summary>The operation or a wait did not finish within its time limit.</summary>
    Timeout,

    /// <summary>The remote service answered with an error (throttling after retries, 5xx, an unexpected answer).</summary>
    Service,

    /// <summary>The operation was cancelled through its <see cref="System.Threading.CancellationToken"/>.</summary>
    Cancelled,

    /// <summary>A failure inside Sync itself; the message says what happened.</summary>
    Internal,
}
