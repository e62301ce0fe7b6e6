namespace Sync.Cli.Commands;

/// <summary>Process exit codes of <c>sync-cli</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>A check failed (<c>sync-cli doctor</c> printed a FAIL line).</summary>
    public const int ChecksFailed = 1;

    /// <summary>The input was wrong (missing file, not an event log, bad argument); the message says what to do.</summary>
    public const int BadInput = 2;
}
