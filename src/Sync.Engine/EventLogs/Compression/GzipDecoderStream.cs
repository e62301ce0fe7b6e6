using System.Buffers.Binary;
using System.IO.Compression;

namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// Decodes gzip members (one or several concatenated) with <see cref="GZipStream"/>, and reports input that ends
/// inside a member as a truncated stream: <see cref="GZipStream"/> itself just stops there.
/// </summary>
/// <remarks>
/// zlib verifies each complete member's CRC-32 and size. To know whether the last member was complete, this
/// stream keeps the last 8 bytes of compressed input (the final member's trailer, if it is complete) and the
/// output offsets at which each read of the inner stream began. A read of <see cref="GZipStream"/> never spans
/// two members, so the last member starts at one of those offsets, and its trailer's size field (ISIZE, the
/// member's decompressed length modulo 2^32) must lead to one of them. One offset is kept per inner read of up
/// to 64 KiB, which is small next to the data.
/// </remarks>
internal sealed class GzipDecoderStream : ForwardOnlyReadStream
{
    private const int BufferSize = 64 * 1024;
    private const int MinimumMemberLength = 18;

    private readonly TailKeepingStream _tail;
    private readonly GZipStream _gzip;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly List<long> _readStarts = [];
    private int _position;
    private int _length;
    private long _total;
    private bool _finished;
    private bool _disposed;

    public GzipDecoderStream(Stream source, bool leaveOpen)
    {
        _tail = new TailKeepingStream(source, leaveOpen);
        _gzip = new GZipStream(_tail, CompressionMode.Decompress, leaveOpen: false);
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_position == _length)
        {
            if (_finished)
            {
                return 0;
            }

            int n;
            try
            {
                n = _gzip.Read(_buffer, 0, _buffer.Length);
            }
            catch (Exception ex) when (LibraryDecoderStream.Translate(ex, "gzip") is { } translated)
            {
                throw translated;
            }

            if (n <= 0)
            {
                _finished = true;
                CheckComplete();
                return 0;
            }

            _readStarts.Add(_total);
            _total += n;
            _position = 0;
            _length = n;
        }

        int count = Math.Min(buffer.Length, _length - _position);
        _buffer.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    private void CheckComplete()
    {
        if (_tail.TotalRead < MinimumMemberLength)
        {
            throw new InvalidDataException(
                $"Truncated gzip stream: only {_tail.TotalRead} bytes, shorter than the smallest gzip member.");
        }

        uint size = BinaryPrimitives.ReadUInt32LittleEndian(_tail.LastBytes[4..]);

        // The last member is empty (it starts at the end of output) or starts at the beginning of some inner read.
        if (size == 0)
        {
            return;
        }

        for (int i = _readStarts.Count - 1; i >= 0; i--)
        {
            if ((uint)(_total - _readStarts[i]) == size)
            {
                return;
            }
        }

        throw new InvalidDataException(
            $"Truncated gzip stream: the input ended after {_tail.TotalRead} bytes inside a member (decoded {_total} bytes), or is followed by data that is not gzip.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Passes the compressed input through and remembers its last 8 bytes and total length.</summary>
    private sealed class TailKeepingStream : ForwardOnlyReadStream
    {
        private readonly Stream _source;
        private readonly bool _leaveOpen;
        private readonly byte[] _last = new byte[8];

        public TailKeepingStream(Stream source, bool leaveOpen)
        {
            _source = source;
            _leaveOpen = leaveOpen;
        }

        public long TotalRead { get; private set; }

        public ReadOnlySpan<byte> LastBytes => _last;

        public override int Read(Span<byte> buffer)
        {
            int n = _source.Read(buffer);
            if (n > 0)
            {
                Remember(buffer[..n]);
            }

            return n;
        }

        private void Remember(ReadOnlySpan<byte> data)
        {
            TotalRead += data.Length;
            if (data.Length >= _last.Length)
            {
                data[^_last.Length..].CopyTo(_last);
                return;
            }

            // Shift the kept bytes left and append the new ones.
            int keep = _last.Length - data.Length;
            _last.AsSpan(data.Length, keep).CopyTo(_last);
            data.CopyTo(_last.AsSpan(keep));
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
}
