namespace Sync.Api;

/// <summary>
/// The outcome of an operation without a result value: success (possibly with <see cref="Warnings"/>) or a
/// <see cref="SyncError"/>. Expected failures come back this way instead of as exceptions; see <see cref="Response{T}"/>.
/// </summary>
public class Response
{
    private static readonly IReadOnlyList<SyncWarning> NoWarnings = [];

    /// <summary>Creates a response; use <see cref="Success()"/> or <see cref="Failure(SyncError)"/>.</summary>
    /// <param name="error">The error, or <see langword="null"/> on success.</param>
    /// <param name="warnings">Warnings that go with a success.</param>
    protected Response(SyncError? error, IReadOnlyList<SyncWarning>? warnings)
    {
        Error = error;
        Warnings = warnings ?? NoWarnings;
    }

    /// <summary>The error when the operation failed, otherwise <see langword="null"/>.</summary>
    public SyncError? Error { get; }

    /// <summary>Whether the operation succeeded (<see cref="Error"/> is <see langword="null"/>).</summary>
    public bool IsSuccess => Error is null;

    /// <summary>Warnings that go with a success, such as a prediction based on a run of different code.</summary>
    public IReadOnlyList<SyncWarning> Warnings { get; }

    /// <summary>A successful response.</summary>
    /// <returns>The response.</returns>
    public static Response Success() => new(null, null);

    /// <summary>A successful response with warnings.</summary>
    /// <param name="warnings">The warnings.</param>
    /// <returns>The response.</returns>
    public static Response Success(IReadOnlyList<SyncWarning> warnings) => new(null, warnings);

    /// <summary>A failed response.</summary>
    /// <param name="error">Why it failed.</param>
    /// <returns>The response.</returns>
    public static Response Failure(SyncError error) => new(error ?? throw new ArgumentNullException(nameof(error)), null);

    /// <summary>A successful <see cref="Response{T}"/> holding <paramref name="value"/>.</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="value">The result.</param>
    /// <param name="warnings">Warnings that go with it, if any.</param>
    /// <returns>The response.</returns>
    public static Response<T> FromValue<T>(T value, IReadOnlyList<SyncWarning>? warnings = null) => new(value, null, warnings);

    /// <summary>A failed <see cref="Response{T}"/>.</summary>
    /// <typeparam name="T">The type the result would have had.</typeparam>
    /// <param name="error">Why it failed.</param>
    /// <returns>The response.</returns>
    public static Response<T> FromError<T>(SyncError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)), null);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? "Success" : Error!.ToString();
}
