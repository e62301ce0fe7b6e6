namespace Sync.Engine.EventLogs.Sources;

/// <summary>Opens local event-log files for one forward pass: unbuffered (the reader has its own large buffer), sequential.</summary>
internal static class LocalFile
{
    private static readonly FileStreamOptions Options = new()
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.Read,
        BufferSize = 0,
        Options = FileOptions.SequentialScan,
    };

    public static Stream Open(string path) => new FileStream(path, Options);

    public static EventLogSourcePart Part(string path) => new(path, () => Open(path));
}
