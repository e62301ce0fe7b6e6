namespace Sync.Engine.EventLogs.Sources;

/// <summary>One file of an event log, by name, with a way to open it. The stream may be compressed and need not be seekable.</summary>
/// <param name="Name">A name for messages: a path, an S3 key, a DBFS path.</param>
/// <param name="Open">Opens the raw (possibly compressed) bytes; the caller disposes the stream.</param>
public sealed record EventLogSourcePart(string Name, Func<Stream> Open);
