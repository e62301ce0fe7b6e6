using Sync.Engine.Applications;
using Sync.Engine.EventLogs;

namespace Sync.Cli.Commands;

/// <summary>Reads the event log a command was given, turning what can go wrong into an error message and exit code.</summary>
internal static class EventLogInput
{
    /// <summary>The application, or <see langword="null"/> after reporting why it could not be read.</summary>
    public static async Task<SparkApplication?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await EventLogReader.ReadAsync(path, cancellationToken);
        }
        catch (FileNotFoundException e)
        {
            Errors.Report(e.Message, "Check the path; it may be a file, an eventlog_v2_* directory, a Databricks log folder or an archive.");
        }
        catch (EventLogFormatException e)
        {
            Errors.Report(e.Message, null);
        }
        catch (UnauthorizedAccessException e)
        {
            Errors.Report(e.Message, "Check that you can read the file.");
        }
        catch (IOException e)
        {
            Errors.Report($"Reading '{path}' failed: {e.Message}", null);
        }

        return null;
    }
}
