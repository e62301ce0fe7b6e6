namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Base of the hand-written block decoders: holds one decoded block at a time and hands it out on
/// <see cref="Read(Span{byte})"/>. Buffers grow to the largest block seen (capped) and are reused, so reading
/// does not allocate per call.
/// </summary>
internal abstract class BlockDecoderStream : ForwardOnlyReadStream
{
    /// <summary>Upper bound for any declared block size (compressed or decompressed).</summary>
    public const int MaxBlockSize = 64 * 1024 * 1024;

    private byte[] _input = [];
    private byte[] _output = [];
    private int _outputPosition;
    private int _outputLength;
    private bool _finished;
    private Exception? _failure;
    private bool _disposed;

    protected BlockDecoderStream(Stream source, bool leaveOpen)
    {
        Source = new SourceReader(source, leaveOpen);
    }

    /// <summary>The compressed input.</summary>
    protected SourceReader Source { get; }

    /// <summary>The codec name used in error messages.</summary>
    protected abstract string CodecName { get; }

    /// <summary>
    /// Decodes the next non-empty block into the buffer from <see cref="EnsureOutput"/>.
    /// </summary>
    /// <returns>The number of decoded bytes at the start of that buffer, or -1 at a clean end of input.</returns>
    protected abstract int DecodeNextBlock();

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new InvalidDataException($"The {CodecName} stream already failed: {_failure.Message}", _failure);
        }

        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_outputPosition == _outputLength)
        {
            if (_finished)
            {
                return 0;
            }

            int decoded;
            try
            {
                decoded = DecodeNextBlock();
            }
            catch (Exception ex)
            {
                _failure = ex;
                throw;
            }

            if (decoded < 0)
            {
                _finished = true;
                return 0;
            }

            _outputPosition = 0;
            _outputLength = decoded;
        }

        int n = Math.Min(buffer.Length, _outputLength - _outputPosition);
        _output.AsSpan(_outputPosition, n).CopyTo(buffer);
        _outputPosition += n;
        return n;
    }

    /// <summary>Returns an output buffer of at least <paramref name="size"/> bytes (reused between blocks).</summary>
    protected byte[] EnsureOutput(int size) => Ensure(ref _output, size);

    /// <summary>Returns an input buffer of at least <paramref name="size"/> bytes (reused between blocks).</summary>
    protected byte[] EnsureInput(int size) => Ensure(ref _input, size);

    /// <summary>Reads exactly <paramref name="destination"/>.Length bytes or throws a "truncated" error.</summary>
    protected void ReadExactly(Span<byte> destination, string what)
    {
        long offset = Source.Position;
        int n = Source.ReadUpTo(destination);
        if (n < destination.Length)
        {
            throw new InvalidDataException(
                $"Truncated {CodecName} stream: expected {destination.Length} bytes of {what} at offset {offset}, but the input ended after {n}.");
        }
    }

    /// <summary>Creates the error for corrupt data at <paramref name="offset"/> in the compressed input.</summary>
    protected InvalidDataException Corrupt(long offset, string detail, Exception? inner = null) =>
        new($"Corrupt {CodecName} stream at offset {offset}: {detail}", inner);

    /// <summary>Formats bytes as hex for error messages.</summary>
    protected static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Source.Dispose();
        }

        base.Dispose(disposing);
    }

    private static byte[] Ensure(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            // Round up so slowly growing blocks do not reallocate each time; never beyond the cap.
            int capacity = (int)Math.Min(MaxBlockSize, Math.Max(size, Math.Max(64 * 1024, (long)buffer.Length * 2)));
            buffer = new byte[Math.Max(capacity, size)];
        }

        return buffer;
    }
}
