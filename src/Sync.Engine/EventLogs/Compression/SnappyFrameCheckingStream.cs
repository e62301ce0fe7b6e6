namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Passes the compressed Snappy framing-format input through unchanged while following its chunk structure
/// (1-byte type, 3-byte little-endian length, body), so that input ending inside a chunk is reported as a
/// truncated stream instead of the silent end of data the library decoder would give.
/// </summary>
internal sealed class SnappyFrameCheckingStream : ForwardOnlyReadStream
{
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private long _offset;
    private int _headerBytesSeen;
    private int _declaredLength;
    private long _bodyRemaining;

    public SnappyFrameCheckingStream(Stream source, bool leaveOpen)
    {
        _source = source;
        _leaveOpen = leaveOpen;
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int n = _source.Read(buffer);
        if (n <= 0)
        {
            if (_headerBytesSeen != 0 || _bodyRemaining != 0)
            {
                throw new InvalidDataException(
                    $"Truncated snappy framed stream: the input ended at offset {_offset} inside a chunk.");
            }

            return 0;
        }

        Track(buffer[..n]);
        return n;
    }

    private void Track(ReadOnlySpan<byte> data)
    {
        int i = 0;
        while (i < data.Length)
        {
            if (_bodyRemaining > 0)
            {
                int skip = (int)Math.Min(_bodyRemaining, data.Length - i);
                _bodyRemaining -= skip;
                i += skip;
                continue;
            }

            // Header byte 0 is the chunk type; bytes 1..3 the little-endian body length.
            if (_headerBytesSeen > 0)
            {
                _declaredLength |= data[i] << (8 * (_headerBytesSeen - 1));
            }
            else
            {
                _declaredLength = 0;
            }

            _headerBytesSeen++;
            i++;
            if (_headerBytesSeen == 4)
            {
                _headerBytesSeen = 0;
                _bodyRemaining = _declaredLength;
            }
        }

        _offset += data.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
