namespace Sync.Service.Predictions;

/// <summary>
/// Uploaded event logs under <c>&lt;data directory&gt;/uploads/&lt;prediction id&gt;/</c>: streamed to a temporary
/// file with a small buffer (never held whole in memory) and renamed into place only when complete.
/// </summary>
internal sealed class UploadStore(string dataDirectory, long maxBytes)
{
    private const int BufferBytes = 1 << 16;

    public string Root { get; } = Path.Combine(Path.GetFullPath(string.IsNullOrEmpty(dataDirectory) ? "." : dataDirectory), "uploads");

    public async Task<string> SaveAsync(string predictionId, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root, predictionId);
        Directory.CreateDirectory(directory);
        var final = Path.Combine(directory, SafeName(fileName));
        var partial = Path.Combine(directory, $".{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferBytes];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new SyncServiceException(ServiceErrorKind.TooLarge, "upload_too_large",
                            $"The event log is larger than the {maxBytes} bytes this service accepts.", "Compress the log, or ask the operator to raise the limit.");
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (total == 0)
                {
                    throw new SyncServiceException(ServiceErrorKind.InvalidInput, "empty_upload", "The uploaded event log is empty.", "Upload the run's event log file.");
                }

                await file.FlushAsync(cancellationToken);
            }

            File.Move(partial, final, overwrite: true);
            return final;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public void Delete(string predictionId)
    {
        var directory = Path.Combine(Root, predictionId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.'))
        {
            return "eventlog";
        }

        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
