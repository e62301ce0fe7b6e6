namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Buffered reader over the compressed source used by the hand-written decoders: reads in large chunks so that
/// small header reads do not turn into small reads on the underlying (possibly network) stream.
/// </summary>
internal sealed class SourceReader : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    public SourceReader(Stream source, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.CanRead)
        {
            throw new ArgumentException("The source stream must be readable.", nameof(source));
        }

        _source = source;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Total bytes handed out so far (the offset in the compressed input).</summary>
    public long Position { get; private set; }

    /// <summary>True if no byte is left in the source.</summary>
    public bool AtEnd()
    {
        if (_start < _end)
        {
            return false;
        }

        Refill();
        return _start == _end;
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the source ends.</summary>
    /// <returns>The number of bytes read; less than the destination length only at the end of the source.</returns>
    public int ReadUpTo(Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            if (_start == _end)
            {
                // Large remainders go straight to the destination, skipping the copy through our buffer.
                if (destination.Length - total >= BufferSize && !_eof)
                {
                    int direct = _source.Read(destination[total..]);
                    if (direct <= 0)
                    {
                        _eof = true;
                        break;
                    }

                    total += direct;
                    Position += direct;
                    continue;
                }

                Refill();
                if (_start == _end)
                {
                    break;
                }
            }

            int n = Math.Min(_end - _start, destination.Length - total);
            _buffer.AsSpan(_start, n).CopyTo(destination[total..]);
            _start += n;
            total += n;
            Position += n;
        }

        return total;
    }

    private void Refill()
    {
        _start = 0;
        _end = 0;
        if (_eof)
        {
            return;
        }

        int n = _source.Read(_buffer, 0, _buffer.Length);
        if (n <= 0)
        {
            _eof = true;
            return;
        }

        _end = n;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _source.Dispose();
        }
    }
}
