namespace Sync.Service;

/// <summary>
/// An expected failure of a <see cref="SyncService"/> call (not found, bad input, authentication…): the
/// <see cref="Kind"/>, a message for people and a <see cref="Hint"/> saying what to do. Never carries a secret.
/// </summary>
public sealed class SyncServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The kind of failure.</param>
    /// <param name="code">A stable machine-readable code, e.g. <c>prediction_not_found</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="hint">What the caller can do about it, if anything.</param>
    public SyncServiceException(ServiceErrorKind kind, string code, string message, string? hint = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Hint = hint;
    }

    /// <summary>The kind of failure.</summary>
    public ServiceErrorKind Kind { get; }

    /// <summary>A stable machine-readable code, e.g. <c>prediction_not_found</c>.</summary>
    public string Code { get; }

    /// <summary>What the caller can do about it, or <see langword="null"/>.</summary>
    public string? Hint { get; }

    internal static SyncServiceException NotFound(string what, string id) =>
        new(ServiceErrorKind.NotFound, $"{what}_not_found", $"No {what} with id '{id}'.", $"List the {what}s you can see to find its id.");

    internal static SyncServiceException Invalid(string message, string? hint = null) =>
        new(ServiceErrorKind.InvalidInput, "invalid_input", message, hint);
}
