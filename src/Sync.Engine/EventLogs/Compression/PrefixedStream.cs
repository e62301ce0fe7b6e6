namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Replays bytes already read from a (possibly non-seekable) stream in front of the rest of it, so the header
/// used for codec detection is not lost.
/// </summary>
internal sealed class PrefixedStream : ForwardOnlyReadStream
{
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private readonly Stream _rest;
    private readonly bool _leaveOpen;
    private int _prefixPosition;

    /// <param name="prefix">The bytes already read; not copied, must not change afterwards.</param>
    /// <param name="prefixLength">How many bytes of <paramref name="prefix"/> are valid.</param>
    /// <param name="rest">The stream positioned right after the prefix.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="rest"/> open.</param>
    public PrefixedStream(byte[] prefix, int prefixLength, Stream rest, bool leaveOpen)
    {
        _prefix = prefix;
        _prefixLength = prefixLength;
        _rest = rest;
        _leaveOpen = leaveOpen;
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int remaining = _prefixLength - _prefixPosition;
        if (remaining > 0)
        {
            int n = Math.Min(remaining, buffer.Length);
            _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        return _rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < _prefixLength)
        {
            return Read(buffer.Span);
        }

        return await _rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
