namespace Sync.Engine.EventLogs.Sources;

/// <summary>
/// The files of one application's event log, in the order they must be read, with what their layout says about the
/// log (rolling, Databricks rotation, in progress). Make one with <see cref="FromPath"/> for a local path or
/// <see cref="FromStream"/> for a stream from anywhere (S3, DBFS, HTTP), then read it with <see cref="EventLogReader"/>.
/// Dispose it to delete what was extracted from an archive.
/// </summary>
public sealed class EventLogSource : IDisposable
{
    private readonly string? _temporaryDirectory;

    /// <summary>The folder an archive was unpacked into, deleted on dispose; <see langword="null"/> when nothing was unpacked.</summary>
    internal string? TemporaryDirectory => _temporaryDirectory;

    internal EventLogSource(
        EventLogLayout layout, IReadOnlyList<EventLogSourcePart> parts, bool markedInProgress, IReadOnlyList<string> warnings, string? temporaryDirectory = null)
    {
        Layout = layout;
        Parts = parts;
        MarkedInProgress = markedInProgress;
        Warnings = warnings;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>How the files are laid out.</summary>
    public EventLogLayout Layout { get; }

    /// <summary>The files, in reading order.</summary>
    public IReadOnlyList<EventLogSourcePart> Parts { get; }

    /// <summary>Whether the layout marks the log as still being written (<c>.inprogress</c>, no completion marker).</summary>
    public bool MarkedInProgress { get; }

    /// <summary>What the layout revealed that a user should know (missing rotated parts, ignored files).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Finds the event log at a local path: a file (plain or compressed), a Spark 3 rolling directory
    /// (<c>eventlog_v2_*</c>), a Databricks cluster-log folder, a Spark 1.2 log directory, a zip or tar(.gz) archive of
    /// any of these, or a folder holding exactly one of these.
    /// </summary>
    /// <param name="path">The file or directory.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="EventLogFormatException">The path holds no event log, several applications, or inconsistent parts.</exception>
    public static EventLogSource FromPath(string path) => EventLogLocator.Locate(path);

    /// <summary>Wraps a single stream (for example an object body from S3) as a one-part source.</summary>
    /// <param name="stream">The raw bytes; read once, and disposed after reading.</param>
    /// <param name="name">A name for messages.</param>
    public static EventLogSource FromStream(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var unread = 1;
        return new EventLogSource(
            EventLogLayout.Stream,
            [new EventLogSourcePart(name, () => Interlocked.Exchange(ref unread, 0) == 1 ? stream : throw new InvalidOperationException("a stream source can be read once"))],
            name.EndsWith(".inprogress", StringComparison.Ordinal),
            []);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            try
            {
                Directory.Delete(_temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary folder is harmless.
            }
        }
    }
}
