namespace Sync.Engine.Summaries;

/// <summary>One file read.</summary>
/// <param name="Name">File name.</param>
/// <param name="Codec">Detected codec.</param>
/// <param name="Bytes">Bytes read from the file.</param>
/// <param name="DecompressedBytes">Bytes after decompression.</param>
/// <param name="Lines">Lines read.</param>
public sealed record PartSummary(string Name, string Codec, long Bytes, long DecompressedBytes, long Lines);
