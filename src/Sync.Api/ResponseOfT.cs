using System.Diagnostics.CodeAnalysis;

namespace Sync.Api;

/// <summary>
/// The outcome of an operation that returns a <typeparamref name="T"/>: either the <see cref="Value"/> or a
/// <see cref="Response.Error"/>. Created with <see cref="Response.FromValue{T}(T, IReadOnlyList{SyncWarning})"/> and
/// <see cref="Response.FromError{T}(SyncError)"/>.
/// </summary>
/// <typeparam name="T">The type of the result.</typeparam>
public sealed class Response<T> : Response
{
    private readonly T? _value;

    internal Response(T? value, SyncError? error, IReadOnlyList<SyncWarning>? warnings)
        : base(error, warnings)
    {
        _value = value;
    }

    /// <summary>The result.</summary>
    /// <exception cref="InvalidOperationException">The operation failed; check <see cref="Response.IsSuccess"/> first.</exception>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The operation failed, so there is no value: {Error}");

    /// <summary>Gets the result when the operation succeeded.</summary>
    /// <param name="value">The result, or the default value when the operation failed.</param>
    /// <returns>Whether the operation succeeded.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return IsSuccess;
    }

    /// <summary>Turns a failure into a failure of another result type, keeping the error.</summary>
    /// <typeparam name="TOther">The other result type.</typeparam>
    /// <returns>A failed response with the same error.</returns>
    /// <exception cref="InvalidOperationException">This response is a success.</exception>
    public Response<TOther> AsFailure<TOther>() => IsSuccess
        ? throw new InvalidOperationException("A successful response cannot be turned into a failure.")
        : FromError<TOther>(Error!);
}
