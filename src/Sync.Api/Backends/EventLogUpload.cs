namespace Sync.Api.Backends;

/// <summary>An event log on its way to a prediction: its bytes, its file name, and whether closing it is ours to do.</summary>
/// <param name="Content">The log's bytes, read once.</param>
/// <param name="FileName">The name the service sees (its extension tells the compression).</param>
/// <param name="Owned">Whether <see cref="DisposeAsync"/> closes <see cref="Content"/> (a file opened here) or leaves it to the caller.</param>
internal sealed record EventLogUpload(Stream Content, string FileName, bool Owned) : IAsyncDisposable
{
    /// <summary>Opens a local file for upload; a directory or a missing file is an <see cref="SyncErrorKind.InvalidInput"/> error.</summary>
    /// <param name="path">The file.</param>
    /// <param name="fileName">The name to upload it under; the file's own when <see langword="null"/>.</param>
    public static EventLogUpload Open(string path, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Calls.Invalid("An event log path is required.");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw Calls.Invalid($"'{path}' is a directory; only a file can be uploaded to the Sync server.", "Zip the event-log directory and give the archive.");
        }

        if (!File.Exists(full))
        {
            throw Calls.Invalid($"No file at '{path}'.", "Check the path of the event log.");
        }

        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return new EventLogUpload(stream, fileName ?? Path.GetFileName(full), Owned: true);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Owned ? Content.DisposeAsync() : ValueTask.CompletedTask;
}
