namespace Sync.Clients.Databricks;

/// <summary>A read-only, forward-only stream over a DBFS file, fetched with <c>dbfs/read</c> one chunk at a time.</summary>
internal sealed class DbfsReadStream : Stream
{
    private readonly DatabricksRestClient _client;
    private readonly string _path;
    private readonly int _chunkSize;
    private byte[] _chunk = [];
    private int _chunkPosition;
    private long _offset;
    private bool _ended;

    public DbfsReadStream(DatabricksRestClient client, string path, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, DatabricksRestClient.MaxDbfsReadLength);
        _client = client;
        _path = path;
        _chunkSize = chunkSize;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _offset - (_chunk.Length - _chunkPosition);
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        if (_chunkPosition >= _chunk.Length)
        {
            if (_ended)
            {
                return 0;
            }

            _chunk = await _client.DbfsReadAsync(_path, _offset, _chunkSize, cancellationToken).ConfigureAwait(false);
            _chunkPosition = 0;
            _offset += _chunk.Length;
            if (_chunk.Length == 0)
            {
                _ended = true;
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, _chunk.Length - _chunkPosition);
        _chunk.AsMemory(_chunkPosition, n).CopyTo(buffer);
        _chunkPosition += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
