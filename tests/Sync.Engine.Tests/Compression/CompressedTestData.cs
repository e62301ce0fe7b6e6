namespace Sync.Engine.Tests.Compression;

/// <summary>Access to the compressed copies in data/compressed and helpers for reading them.</summary>
internal static class CompressedTestData
{
    public const string LogName = "application_1536831636016_59384_1";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "data", "compressed");

    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(Directory, fileName));

    public static byte[] Original => Read(LogName);

    /// <summary>Reads a stream to its end with a fixed-size buffer, failing (instead of hanging) past a byte limit.</summary>
    public static byte[] ReadAll(Stream stream, int bufferSize = 8192, long limit = 16 * 1024 * 1024)
    {
        var output = new MemoryStream();
        var buffer = new byte[bufferSize];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, n);
            if (output.Length > limit)
            {
                throw new Xunit.Sdk.XunitException($"Decoded more than {limit} bytes; runaway decoder?");
            }
        }

        return output.ToArray();
    }
}

/// <summary>A stream that hides seeking and returns short reads, like a network body.</summary>
internal sealed class NonSeekableStream(byte[] data, int maxChunk = int.MaxValue) : Stream
{
    private int _position;

    public bool Disposed { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(Math.Min(count, maxChunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
