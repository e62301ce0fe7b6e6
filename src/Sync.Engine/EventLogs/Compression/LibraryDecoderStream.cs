using ZstdSharp;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Wraps a library decompression stream (zstd, framed snappy) so that corrupt or truncated input always surfaces
/// as <see cref="InvalidDataException"/>, whatever the library throws. I/O errors of the source pass through.
/// </summary>
internal sealed class LibraryDecoderStream : ForwardOnlyReadStream
{
    private readonly Stream _inner;
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly string _codecName;
    private bool _disposed;

    /// <param name="inner">The library's decompression stream reading from <paramref name="source"/>.</param>
    /// <param name="source">The compressed input.</param>
    /// <param name="leaveOpen">Whether disposing leaves <paramref name="source"/> open.</param>
    /// <param name="codecName">The codec name used in error messages.</param>
    public LibraryDecoderStream(Stream inner, Stream source, bool leaveOpen, string codecName)
    {
        _inner = inner;
        _source = source;
        _leaveOpen = leaveOpen;
        _codecName = codecName;
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return _inner.Read(buffer);
        }
        catch (Exception ex) when (Translate(ex, _codecName) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Maps decoder failures to <see cref="InvalidDataException"/>; null for exceptions to let through.</summary>
    internal static InvalidDataException? Translate(Exception ex, string codecName) => ex switch
    {
        InvalidDataException => null,
        EndOfStreamException => new InvalidDataException($"Truncated {codecName} stream: the input ended inside a frame.", ex),
        ZstdException => new InvalidDataException($"Corrupt {codecName} stream: {ex.Message}", ex),
        IndexOutOfRangeException or ArgumentException or InvalidOperationException or OverflowException or NullReferenceException
            => new InvalidDataException($"Corrupt {codecName} stream: the decoder failed ({ex.GetType().Name}: {ex.Message}).", ex),
        _ => null,
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
