#pragma warning disable CS1591
namespace Sync.Engine.EventLogs
{
    public sealed class EventLogFormatException : Exception
    {
        public EventLogFormatException(string m) : base(m) { }
        public EventLogFormatException(string m, Exception e) : base(m, e) { }
    }
}
namespace Sync.Engine.EventLogs.Compression
{
    public enum EventLogCodec { Plain, Lz4, Snappy, SnappyFramed, Zstd, Lzf, Gzip }
    public sealed class DecodedEventLogStream(Stream content, EventLogCodec codec) : IDisposable
    {
        public Stream Content { get; } = content;
        public EventLogCodec Codec { get; } = codec;
        public void Dispose() => Content.Dispose();
    }
    public static class EventLogDecompression
    {
        public static DecodedEventLogStream Open(Stream raw)
        {
            var ms = new MemoryStream();
            raw.CopyTo(ms);
            var b = ms.ToArray();
            if (b.Length > 2 && b[0] == 0x1f && b[1] == 0x8b) return new(new System.IO.Compression.GZipStream(new MemoryStream(b), System.IO.Compression.CompressionMode.Decompress), EventLogCodec.Gzip);
            if (b.Length > 4 && b[0] == 0x28 && b[1] == 0xb5) return new(new ZstdSharp.DecompressionStream(new MemoryStream(b)), EventLogCodec.Zstd);
            return new(new MemoryStream(b), EventLogCodec.Plain);
        }
    }
}
