namespace Sync.Api;

/// <summary>Why an operation failed: its <see cref="SyncErrorKind"/>, a message for people, and what they can do about it.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What went wrong, naming the member, file or resource concerned. Never contains secrets.</param>
/// <param name="Hint">What the user can do about it, or <see langword="null"/> when there is nothing to suggest.</param>
/// <param name="Code">A stable machine-readable code (for example the service's own error code), or <see langword="null"/>.</param>
public sealed record SyncError(SyncErrorKind Kind, string Message, string? Hint = null, string? Code = null)
{
    /// <inheritdoc/>
    public override string ToString() => Hint is null ? $"{Kind}: {Message}" : $"{Kind}: {Message} ({Hint})";
}
