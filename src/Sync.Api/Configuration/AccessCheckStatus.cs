namespace Sync.Api.Configuration;

/// <summary>The outcome of one line of the access report (<c>sync-cli doctor</c>); see <see cref="AccessCheckResult"/>.</summary>
public enum AccessCheckStatus
{
    /// <summary>Works.</summary>
    Ok,

    /// <summary>Works, or was not verified, but something is likely to go wrong later; the fix says what to change.</summary>
    Warn,

    /// <summary>Does not work; the fix says what to do.</summary>
    Fail,
}
