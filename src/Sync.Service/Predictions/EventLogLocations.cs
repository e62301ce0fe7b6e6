namespace Sync.Service.Predictions;

/// <summary>Turns an <c>eventlog_url</c> into a local path the engine can read, or refuses it.</summary>
internal static class EventLogLocations
{
    public static string ToLocalPath(string url, bool allowLocal)
    {
        string path;
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = new Uri(url).LocalPath;
        }
        else if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith("dbfs:", StringComparison.OrdinalIgnoreCase))
        {
            throw new SyncServiceException(ServiceErrorKind.InvalidInput, "unsupported_event_log_url",
                $"Event logs at '{url}' cannot be read by this service yet.", "Upload the event log instead (create the prediction without eventlog_url).");
        }
        else
        {
            path = url;
        }

        if (!allowLocal)
        {
            throw new SyncServiceException(ServiceErrorKind.PermissionDenied, "local_event_log_forbidden",
                "This service does not read event logs from its own file system.", "Upload the event log instead (create the prediction without eventlog_url).");
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new SyncServiceException(ServiceErrorKind.InvalidInput, "event_log_not_found", $"No file or directory at '{path}'.",
                "Check the path; it may be a file, an eventlog_v2_* directory, a Databricks log folder or an archive.");
        }

        return full;
    }
}
