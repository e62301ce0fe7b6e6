using Sync.Engine.EventLogs.Compression;

namespace Sync.Engine.EventLogs;

/// <summary>What the reader found in one file of an event log.</summary>
/// <param name="Name">The file's name or path, as given by its source.</param>
/// <param name="Codec">The compression detected from the file's first bytes.</param>
/// <param name="CompressedBytes">Bytes read from the source.</param>
/// <param name="DecompressedBytes">Bytes of JSON lines after decompression.</param>
/// <param name="Lines">Lines read, including blank and malformed ones.</param>
/// <param name="Error">Why reading stopped before the end of the file (a truncated or corrupt stream), if it did.</param>
public sealed record EventLogPartInfo(string Name, EventLogCodec Codec, long CompressedBytes, long DecompressedBytes, long Lines, string? Error);
