namespace Sync.Service;

/// <summary>What kind of expected failure a <see cref="SyncServiceException"/> reports; transports map it to their own errors.</summary>
public enum ServiceErrorKind
{
    /// <summary>The request was wrong: a missing or malformed value, a report that does not parse.</summary>
    InvalidInput,

    /// <summary>The resource does not exist, or belongs to another tenant.</summary>
    NotFound,

    /// <summary>The request conflicts with the resource's state (for example retrying a prediction that has not failed).</summary>
    Conflict,

    /// <summary>The API key id or secret is wrong, or the key was revoked.</summary>
    Authentication,

    /// <summary>The request is well formed but not allowed (for example a local path given to a server that forbids them).</summary>
    PermissionDenied,

    /// <summary>An upload was larger than the service accepts.</summary>
    TooLarge,
}
