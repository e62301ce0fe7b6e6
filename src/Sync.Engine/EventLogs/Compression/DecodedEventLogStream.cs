namespace Sync.Engine.EventLogs.Compression;

/// <summary>
/// An opened event log: the decompressed content and the codec it was stored with. Disposing it disposes the
/// content stream and, unless opened with <c>leaveOpen</c>, the raw stream.
/// </summary>
public sealed class DecodedEventLogStream : IDisposable
{
    internal DecodedEventLogStream(Stream content, EventLogCodec codec)
    {
        Content = content;
        Codec = codec;
    }

    /// <summary>
    /// The decompressed bytes (JSON lines): read-only and forward-only. Corrupt or truncated compressed input is
    /// reported by its read methods as <see cref="InvalidDataException"/>.
    /// </summary>
    public Stream Content { get; }

    /// <summary>The codec detected from the first bytes of the raw stream.</summary>
    public EventLogCodec Codec { get; }

    /// <summary>Disposes <see cref="Content"/> and the underlying raw stream (unless it was opened with <c>leaveOpen</c>).</summary>
    public void Dispose() => Content.Dispose();
}
